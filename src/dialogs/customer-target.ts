import type { Customer } from '../api/models';
import type { PartnerCenter } from '../api/partner-center';
import { sendCard, textFor } from '../bot/replies';
import type { ActionOutcome, HandlerTurn } from '../bot/routes';
import { callContextOf } from '../bot/turn-info';
import { customerListCard, lookupNoMatchCard, maxCustomerListRows, messageCard } from '../cards';
import { findCustomers } from './customer-search';
import { lookupProblemCard } from './lookup-dialog';
import { interpretLookupQuery, isLookupProblem } from './lookup-query';

/**
 * The `<customer>` of a command (`tickets contoso`, `subscriptions 4d3cf487-…`), read like `lookup`: one
 * customer goes on; otherwise the agent gets the same answers as from lookup (the problem, no match, or
 * the list to pick from, whose cards lead on with their buttons).
 */
export type CustomerTarget =
  | { kind: 'found'; customer: Customer }
  | { kind: 'answered'; outcome: ActionOutcome };

export async function resolveCustomer(
  turn: HandlerTurn,
  partnerCenter: PartnerCenter,
  argument: string,
  example: string,
): Promise<CustomerTarget> {
  const text = textFor(turn.info);
  if (argument.trim() === '') {
    await sendCard(turn.context, messageCard({ style: 'info', title: text.t('target.usage', { example }) }));
    return { kind: 'answered', outcome: { details: { problem: 'empty' } } };
  }
  const query = interpretLookupQuery(argument);
  if (isLookupProblem(query)) {
    await sendCard(turn.context, lookupProblemCard(query, text));
    return { kind: 'answered', outcome: { details: { problem: query.problem } } };
  }
  const result = await findCustomers(partnerCenter, callContextOf(turn.info), query);
  const details = { query: query.text, searchedAs: query.kind };
  switch (result.kind) {
    case 'one':
      return { kind: 'found', customer: result.customer };
    case 'none':
      await sendCard(turn.context, lookupNoMatchCard({ query: query.text, interpretedAs: query.kind }, text));
      return { kind: 'answered', outcome: { details: { ...details, found: 0 } } };
    case 'many':
      await sendCard(
        turn.context,
        customerListCard(
          { query: query.text, customers: result.customers.slice(0, maxCustomerListRows) },
          text,
        ),
      );
      return { kind: 'answered', outcome: { details: { ...details, found: result.customers.length } } };
  }
}
