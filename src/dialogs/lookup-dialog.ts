import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { PartnerCenter } from '../api/partner-center';
import { sendCard, textFor } from '../bot/replies';
import type { ActionOutcome } from '../bot/routes';
import { callContextOf, turnInfo } from '../bot/turn-info';
import { customerCard, customerListCard, lookupNoMatchCard, messageCard } from '../cards';
import type { CustomerIndex } from '../customers/customer-index';
import type { Strings } from '../i18n/strings';
import { findCustomers } from './customer-search';
import {
  interpretLookupQuery,
  isLookupProblem,
  type LookupQueryProblem,
  MAX_QUERY_LENGTH,
  MIN_QUERY_LENGTH,
} from './lookup-query';
import type { LookupSessions } from './lookup-sessions';

/**
 * `lookup <query>`: a tenant id, or a company name or domain (searched in the customer index, typos and
 * any word order allowed; by prefix through Partner Center while the index is cold) → no match, one
 * customer card, or a list card whose "Show more" continues the search kept on the server.
 */

export const LOOKUP_DIALOG = 'lookup';

export interface LookupDialogOptions {
  query: string;
}

export class LookupDialog extends ComponentDialog {
  constructor(
    private readonly partnerCenter: PartnerCenter,
    private readonly sessions: LookupSessions,
    private readonly index?: CustomerIndex,
  ) {
    super(LOOKUP_DIALOG);
    this.addDialog(
      new WaterfallDialog<LookupDialogOptions>(`${LOOKUP_DIALOG}.search`, [(step) => this.search(step)]),
    );
  }

  private async search(step: WaterfallStepContext<LookupDialogOptions>): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const text = textFor(info);
    const query = interpretLookupQuery(step.options.query);
    if (isLookupProblem(query)) {
      await sendCard(step.context, lookupProblemCard(query, text));
      return step.endDialog({ details: { problem: query.problem } } satisfies ActionOutcome);
    }

    const result = await findCustomers(this.partnerCenter, callContextOf(info), query, this.index);
    const searchedAs = result.source === 'index' ? 'index' : query.kind;
    const details = { query: query.text, searchedAs };
    switch (result.kind) {
      case 'none':
        await sendCard(
          step.context,
          lookupNoMatchCard({ query: query.text, interpretedAs: searchedAs }, text),
        );
        return step.endDialog({ details: { ...details, found: 0 } } satisfies ActionOutcome);
      case 'one':
        await sendCard(step.context, customerCard({ customer: result.customer }, text));
        return step.endDialog({
          customerId: result.customer.id,
          details: { ...details, found: 1 },
        } satisfies ActionOutcome);
      case 'many': {
        const shown = result.customers.length;
        const session = result.moreInIndex
          ? await this.sessions.open(step.context, { source: 'index', query: query.text, shown })
          : result.continuationToken && query.kind !== 'tenantId'
            ? await this.sessions.open(step.context, {
                source: 'partnerCenter',
                field: query.kind === 'domain' ? 'Domain' : 'CompanyName',
                prefix: query.prefix,
                continuationToken: result.continuationToken,
                shown,
              })
            : undefined;
        await sendCard(
          step.context,
          customerListCard({ query: query.text, customers: result.customers, searchId: session?.id }, text),
        );
        return step.endDialog({
          details: { ...details, found: result.customers.length, more: Boolean(session) },
        } satisfies ActionOutcome);
      }
    }
  }
}

export function lookupProblemCard(problem: LookupQueryProblem, text: Strings) {
  switch (problem.problem) {
    case 'empty':
      return messageCard({
        style: 'info',
        title: text.t('lookup.problem.empty'),
        details: [text.t('lookup.problem.examples')],
      });
    case 'tooShort':
      return messageCard({
        style: 'warning',
        title: text.t('lookup.problem.tooShort', { min: MIN_QUERY_LENGTH }),
        details: [text.t('lookup.problem.examples')],
      });
    case 'tooLong':
      return messageCard({
        style: 'warning',
        title: text.t('lookup.problem.tooLong', { max: MAX_QUERY_LENGTH, length: problem.length }),
        details: [text.t('lookup.problem.examples')],
      });
    case 'malformedTenantId':
      return messageCard({
        style: 'warning',
        title: text.t('lookup.problem.malformedTenantId'),
        text: text.t('lookup.problem.malformedTenantId.text'),
        details: [text.t('lookup.problem.examples')],
      });
  }
}
