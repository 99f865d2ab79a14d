import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Customer } from '../api/models';
import type { CallContext } from '../api/partner-center';
import type { Role } from '../auth/roles';
import { sendCard, textFor } from '../bot/replies';
import type { ActionOutcome } from '../bot/routes';
import { callContextOf, type TurnInfo, turnInfo } from '../bot/turn-info';
import { type AdaptiveCard, maxPickRows, messageCard, userCustomerPickCard } from '../cards';
import type { Strings } from '../i18n/strings';
import { locateUser, type UserLocation } from '../users/user-directory';
import { type Actor, targetNames } from '../users/user-operations';
import { isUpnProblem, parseUserPrincipalName, type UserPrincipalName } from '../users/user-principal-name';
import type { UserServices } from './user-services';
import { resetPreparationCard, restoreAnswerCard, restoreConfirmation } from './user-views';

/**
 * `reset password <upn>` and `restore user <upn>`: the customer from the UPN's domain, the user in its active
 * (reset) or deleted (restore) users, then the confirmation card, or a clear answer why there is none.
 */

export const USER_OPERATION_DIALOG = 'userOperation';

export interface UserOperationDialogOptions {
  upn: string;
  operation: 'resetPassword' | 'restore';
  /** The caller's roles, for the audit rows of the operation. */
  roles: Role[];
}

const EXAMPLE_UPN = 'alex.wilber@contoso.onmicrosoft.com';

export function actorOf(info: TurnInfo, roles: readonly string[]): Actor {
  return { id: info.caller.aadObjectId ?? 'unknown', name: info.caller.name, roles };
}

export class UserOperationDialog extends ComponentDialog {
  constructor(private readonly services: UserServices) {
    super(USER_OPERATION_DIALOG);
    this.addDialog(
      new WaterfallDialog<UserOperationDialogOptions>(`${USER_OPERATION_DIALOG}.prepare`, [
        (step) => this.prepare(step),
      ]),
    );
  }

  private async prepare(step: WaterfallStepContext<UserOperationDialogOptions>): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const text = textFor(info);
    const { operation } = step.options;
    const upn = parseUserPrincipalName(step.options.upn);
    if (isUpnProblem(upn)) {
      await sendCard(
        step.context,
        upn.problem === 'empty'
          ? messageCard({ style: 'info', title: text.t('upn.problem.empty', { example: EXAMPLE_UPN }) })
          : messageCard({
              style: 'warning',
              title: text.t('upn.problem.malformed', { text: upn.text }),
              text: text.t('upn.problem.malformed.text', { example: EXAMPLE_UPN }),
            }),
      );
      return step.endDialog({ details: { operation, problem: upn.problem } } satisfies ActionOutcome);
    }
    const ctx = callContextOf(info);
    const actor = actorOf(info, step.options.roles);
    const answer =
      operation === 'resetPassword'
        ? await this.reset(ctx, actor, upn, text, step)
        : await this.restore(ctx, actor, upn, text);
    await sendCard(step.context, answer.card);
    return step.endDialog(answer.outcome);
  }

  private async reset(
    ctx: CallContext,
    actor: Actor,
    upn: UserPrincipalName,
    text: Strings,
    step: WaterfallStepContext<UserOperationDialogOptions>,
  ) {
    const location = await locateUser(this.services.partnerCenter, ctx, upn, 'active');
    if (location.kind !== 'found') return this.unlocated(location, upn, 'resetPassword', text);
    const prepared = await this.services.operations.prepareResetOf(
      ctx,
      actor,
      location.customer,
      location.user,
    );
    if (prepared.kind === 'notFound')
      return this.unlocated({ kind: 'notFound', customers: [location.customer] }, upn, 'resetPassword', text);
    if (prepared.kind === 'refused' && this.services.privilegedResets) {
      // An administrator's reset goes to an approver instead of being refused.
      const asked = await this.services.privilegedResets(
        step.context,
        step.options.roles,
        prepared.target,
        prepared.roles.map((role) => role.name),
      );
      return {
        card: asked.reply,
        outcome: { ...asked.outcome, details: { operation: 'resetPassword', ...asked.outcome.details } },
      };
    }
    return {
      card: resetPreparationCard(prepared, text),
      outcome: {
        customerId: location.customer.id,
        targetUserId: location.user.id,
        details: { operation: 'resetPassword', result: prepared.kind },
      },
    };
  }

  private async restore(ctx: CallContext, actor: Actor, upn: UserPrincipalName, text: Strings) {
    const location = await locateUser(this.services.partnerCenter, ctx, upn, 'deleted');
    if (location.kind === 'found') {
      const { customer, user } = location;
      const prepared = await this.services.operations.prepareRestoreOf(ctx, actor, customer, user, 'message');
      return {
        card:
          prepared.kind === 'confirm'
            ? restoreConfirmation(prepared, false, text)
            : restoreAnswerCard(prepared, text),
        outcome: {
          customerId: customer.id,
          targetUserId: user.id,
          details: { operation: 'restore', result: prepared.kind },
        },
      };
    }
    if (location.kind === 'notFound') {
      const active = await locateUser(this.services.partnerCenter, ctx, upn, 'active');
      if (active.kind === 'found') {
        return {
          card: restoreAnswerCard(
            { kind: 'alreadyActive', target: targetNames(active.customer, active.user) },
            text,
          ),
          outcome: {
            customerId: active.customer.id,
            targetUserId: active.user.id,
            details: { operation: 'restore', result: 'alreadyActive' },
          },
        };
      }
    }
    return this.unlocated(location, upn, 'restore', text);
  }

  /** No single user to act on: no customer owns the domain, no such user, or several customers have one. */
  private unlocated(
    location: Exclude<UserLocation, { kind: 'found' }>,
    upn: UserPrincipalName,
    operation: 'resetPassword' | 'restore',
    text: Strings,
  ): { card: AdaptiveCard; outcome: ActionOutcome } {
    const outcome = { details: { operation, result: location.kind } };
    switch (location.kind) {
      case 'noCustomer':
        return {
          card: messageCard({
            style: 'warning',
            title: text.t('upn.noCustomer.title', { domain: upn.domain }),
            text: text.t('upn.noCustomer.text', { domain: upn.domain }),
          }),
          outcome,
        };
      case 'notFound':
        return {
          card: messageCard({
            style: 'warning',
            title: text.t('upn.notFound.title', { upn: upn.upn }),
            details: location.customers.map((customer: Customer) =>
              text.t(operation === 'restore' ? 'upn.notFound.deleted' : 'upn.notFound.text', {
                companyName: customer.companyProfile.companyName,
              }),
            ),
          }),
          outcome,
        };
      case 'ambiguous':
        return {
          card: userCustomerPickCard(
            {
              purpose: operation,
              title: text.t('userPick.title.domain', { upn: upn.upn }),
              text: text.t('userPick.text'),
              rows: location.matches.slice(0, maxPickRows),
            },
            text,
          ),
          outcome,
        };
    }
  }
}
