import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { sendCard, textFor } from '../bot/replies';
import type { ActionOutcome } from '../bot/routes';
import { callContextOf, teamsUserIdsOf, turnInfo } from '../bot/turn-info';
import { lookupNoMatchCard, maxPickRows, userCustomerPickCard } from '../cards';
import { findCustomers } from './customer-search';
import { lookupProblemCard } from './lookup-dialog';
import { interpretLookupQuery, isLookupProblem } from './lookup-query';
import type { UserServices } from './user-services';
import { deletedUsersView, usersListView } from './user-views';

/**
 * `users <customer>` and `deleted users <customer>`: the customer by tenant id, domain or a company name that
 * matches one customer (several get a pick list), then the first page of its active or deleted users.
 */

export const USERS_DIALOG = 'users';

export interface UsersDialogOptions {
  query: string;
  view: 'active' | 'deleted';
}

export class UsersDialog extends ComponentDialog {
  constructor(private readonly services: UserServices) {
    super(USERS_DIALOG);
    this.addDialog(
      new WaterfallDialog<UsersDialogOptions>(`${USERS_DIALOG}.list`, [(step) => this.list(step)]),
    );
  }

  private async list(step: WaterfallStepContext<UsersDialogOptions>): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const text = textFor(info);
    const ctx = callContextOf(info);
    const { view } = step.options;
    const query = interpretLookupQuery(step.options.query);
    if (isLookupProblem(query)) {
      await sendCard(step.context, lookupProblemCard(query, text));
      return step.endDialog({ details: { view, problem: query.problem } } satisfies ActionOutcome);
    }
    const found = await findCustomers(this.services.partnerCenter, ctx, query);
    switch (found.kind) {
      case 'none':
        await sendCard(
          step.context,
          lookupNoMatchCard({ query: query.text, interpretedAs: query.kind }, text),
        );
        return step.endDialog({ details: { view, query: query.text, found: 0 } } satisfies ActionOutcome);
      case 'many':
        await sendCard(
          step.context,
          userCustomerPickCard(
            {
              purpose: view === 'active' ? 'users' : 'deletedUsers',
              title: text.t('userPick.title.customer', { query: query.text }),
              text: text.t('userPick.text.customer'),
              rows: found.customers.slice(0, maxPickRows).map((customer) => ({ customer })),
            },
            text,
          ),
        );
        return step.endDialog({
          details: { view, query: query.text, found: found.customers.length },
        } satisfies ActionOutcome);
      case 'one': {
        const card =
          view === 'active'
            ? await usersListView(this.services, ctx, found.customer, 0, '', text)
            : await deletedUsersView(this.services, ctx, found.customer, 0, text, {
                refreshUserIds: teamsUserIdsOf(step.context),
              });
        await sendCard(step.context, card);
        return step.endDialog({ customerId: found.customer.id, details: { view } } satisfies ActionOutcome);
      }
    }
  }
}
