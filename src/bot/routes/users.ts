import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Customer } from '../../api/models';
import {
  type AdaptiveCard,
  messageCard,
  resetWithheldCard,
  restoreResultCard,
  userDetailsCard,
} from '../../cards';
import {
  actorOf,
  USER_OPERATION_DIALOG,
  type UserOperationDialogOptions,
} from '../../dialogs/user-operation-dialog';
import type { UserServices } from '../../dialogs/user-services';
import {
  conflictCard,
  deletedUsersView,
  operationProblemCard,
  purgedCard,
  resetPreparationCard,
  resetResultCards,
  restoreAnswerCard,
  restoreConfirmation,
  usersListView,
} from '../../dialogs/user-views';
import { USERS_DIALOG, type UsersDialogOptions } from '../../dialogs/users-dialog';
import type { Strings } from '../../i18n/strings';
import { isPrivilegedTarget } from '../../users/privileged-roles';
import { orNothing } from '../../users/user-directory';
import { MAX_SEARCH_LENGTH } from '../../users/user-search';
import { privateAnswer } from '../private-answer';
import { cardMessage, cardResponse, messageResponse, sendCard, textFor } from '../replies';
import {
  type CardActionResult,
  type CardActionRoute,
  type CommandRoute,
  cardAction,
  type HandlerTurn,
} from '../routes';
import { callContextOf, teamsUserIdsOf } from '../turn-info';
import { customerActionData, guidSchema, runDialog } from './route-helpers';

/**
 * The users feature: `users`, `deleted users`, `reset password`, `restore user`, and the buttons of their cards.
 * Card data carries only ids (customer, user, one-time operation) and is checked here; the router has already
 * checked the caller's role. Confirmations answer fast: the operation id is claimed in the store before
 * Partner Center is called, so a retried or repeated click never acts twice.
 */

const pageSchema = z.coerce.number().int().min(0).max(9999);
const userData = z.object({ customerId: guidSchema, userId: guidSchema }).strip();
const listData = z
  .object({
    customerId: guidSchema,
    page: pageSchema.default(0),
    search: z
      .string()
      .max(MAX_SEARCH_LENGTH * 4)
      .optional(),
  })
  .strip();
const operationData = z.object({ operationId: z.uuid() }).strip();
const resetData = operationData.extend({ forceChange: z.enum(['true', 'false']).default('true') }).strip();

export function userCommands(): CommandRoute[] {
  const list = (view: UsersDialogOptions['view']) => (turn: HandlerTurn, argument: string) =>
    runDialog(turn, USERS_DIALOG, { query: argument, view } satisfies UsersDialogOptions);
  const operate =
    (operation: UserOperationDialogOptions['operation']) => (turn: HandlerTurn, argument: string) =>
      runDialog(turn, USER_OPERATION_DIALOG, {
        upn: argument,
        operation,
        roles: turn.roles,
      } satisfies UserOperationDialogOptions);
  return [
    {
      name: 'users',
      argumentsKey: 'usage.users',
      descriptionKey: 'help.command.users',
      group: 'users',
      permission: 'user.read',
      run: list('active'),
    },
    {
      name: 'deleted users',
      argumentsKey: 'usage.deletedUsers',
      descriptionKey: 'help.command.deletedUsers',
      group: 'users',
      permission: 'user.read',
      run: list('deleted'),
    },
    {
      name: 'reset password',
      argumentsKey: 'usage.resetPassword',
      descriptionKey: 'help.command.resetPassword',
      group: 'users',
      permission: 'user.resetPassword',
      run: operate('resetPassword'),
    },
    {
      name: 'restore user',
      argumentsKey: 'usage.restoreUser',
      descriptionKey: 'help.command.restoreUser',
      group: 'users',
      permission: 'user.restore',
      run: operate('restore'),
    },
  ];
}

/**
 * Replaces the card the button was on, for everyone in the conversation (the invoke response only reaches the
 * agent who clicked). A failure here must not lose the answer to that agent, so it is logged, not thrown.
 */
async function updateForEveryone(
  services: UserServices,
  context: TurnContext,
  card: AdaptiveCard,
  correlationId: string,
) {
  const activityId = context.activity.replyToId;
  if (!activityId) return;
  try {
    await context.updateActivity({ ...cardMessage(card), id: activityId });
  } catch (error) {
    services.logger.warn({ correlationId, err: error }, 'could not update the shared card');
  }
}

export function userCardActions(services: UserServices): CardActionRoute[] {
  const customerOrAnswer = async (turn: HandlerTurn, customerId: string) => {
    const customer = await orNothing(
      services.partnerCenter.getCustomer(callContextOf(turn.info), customerId),
    );
    const answer = customer
      ? undefined
      : ({
          response: cardResponse(
            messageCard({ style: 'warning', title: textFor(turn.info).t('restore.customerNotFound') }),
          ),
          outcome: { customerId, details: { result: 'customerNotFound' }, failed: true },
        } satisfies CardActionResult);
    return { customer, answer };
  };

  /** A customer card button that sends one of the customer's user lists as a new card. */
  const openInNewCard = (
    verb: string,
    view: (turn: HandlerTurn, customer: Customer, text: Strings) => Promise<AdaptiveCard>,
  ) =>
    cardAction({
      verb,
      permission: 'user.read',
      data: customerActionData,
      run: async (turn, data) => {
        const { customer, answer } = await customerOrAnswer(turn, data.customerId);
        if (!customer) return answer as CardActionResult;
        const text = textFor(turn.info);
        await sendCard(turn.context, await view(turn, customer, text));
        return {
          response: messageResponse(
            text.t('users.opened', { companyName: customer.companyProfile.companyName }),
          ),
          outcome: { customerId: customer.id },
        };
      },
    });

  return [
    openInNewCard('customer.users', (turn, customer, text) =>
      usersListView(services, callContextOf(turn.info), customer, 0, '', text),
    ),
    openInNewCard('customer.deletedUsers', (turn, customer, text) =>
      deletedUsersView(services, callContextOf(turn.info), customer, 0, text, {
        refreshUserIds: teamsUserIdsOf(turn.context),
      }),
    ),
    cardAction({
      verb: 'users.page',
      permission: 'user.read',
      data: listData,
      run: async (turn, data) => {
        const { customer, answer } = await customerOrAnswer(turn, data.customerId);
        if (!customer) return answer as CardActionResult;
        const card = await usersListView(
          services,
          callContextOf(turn.info),
          customer,
          data.page,
          data.search ?? '',
          textFor(turn.info),
        );
        return {
          response: cardResponse(card),
          outcome: { customerId: customer.id, details: { page: data.page } },
        };
      },
    }),
    cardAction({
      verb: 'user.details',
      permission: 'user.read',
      data: userData,
      run: async (turn, data) => {
        const ctx = callContextOf(turn.info);
        const text = textFor(turn.info);
        const [customer, user] = await Promise.all([
          services.partnerCenter.getCustomer(ctx, data.customerId),
          services.partnerCenter.getUser(ctx, data.customerId, data.userId),
        ]);
        const roles = await services.partnerCenter.getUserDirectoryRoles(ctx, data.customerId, data.userId);
        await sendCard(
          turn.context,
          userDetailsCard({ customer, user, roles, privileged: isPrivilegedTarget(roles) }, text),
        );
        return {
          response: messageResponse(user.displayName ?? user.userPrincipalName),
          outcome: { customerId: customer.id, targetUserId: user.id },
        };
      },
    }),
    cardAction({
      verb: 'user.resetPassword',
      permission: 'user.resetPassword',
      data: userData,
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const prepared = await services.operations.prepareReset(
          callContextOf(turn.info),
          actorOf(turn.info, turn.roles),
          data.customerId,
          data.userId,
        );
        const outcome = {
          customerId: data.customerId,
          targetUserId: data.userId,
          details: { result: prepared.kind },
        };
        if (prepared.kind === 'notFound') {
          return {
            response: cardResponse(
              messageCard({ style: 'warning', title: text.t('restore.notFound.title') }),
            ),
            outcome,
          };
        }
        if (prepared.kind === 'refused' && services.privilegedResets) {
          // An administrator's reset goes to an approver instead of being refused.
          const asked = await services.privilegedResets(
            turn.context,
            turn.roles,
            prepared.target,
            prepared.roles.map((role) => role.name),
          );
          await sendCard(turn.context, asked.reply);
          return {
            response: messageResponse(
              asked.outcome.details?.requestId
                ? text.t('approval.requested.title')
                : text.t('reset.refused.title', { displayName: prepared.target.displayName }),
            ),
            outcome: { ...outcome, details: { ...outcome.details, ...asked.outcome.details } },
          };
        }
        // The confirmation is a message of its own: it becomes the shared record of the reset.
        await sendCard(turn.context, resetPreparationCard(prepared, text));
        return {
          response: messageResponse(
            prepared.kind === 'confirm'
              ? text.t('reset.opened', { displayName: prepared.target.displayName })
              : text.t('reset.refused.title', { displayName: prepared.target.displayName }),
          ),
          outcome,
        };
      },
    }),
    cardAction({
      verb: 'user.confirmReset',
      permission: 'user.resetPassword',
      data: resetData,
      run: async (turn, data) => {
        const result = await services.operations.confirmReset(
          callContextOf(turn.info),
          actorOf(turn.info, turn.roles),
          data.operationId,
          data.forceChange === 'true',
        );
        const text = textFor(turn.info);
        const cards = resetResultCards(result, text);
        if (cards.shared)
          await updateForEveryone(services, turn.context, cards.shared, turn.info.correlationId);
        const target = 'target' in result ? result.target : undefined;
        const mine = cardResponse(cards.mine);
        return {
          // The password is only in this invoke response, which Teams shows to the agent who clicked alone;
          // if it comes too late for that, the chat gets a card without it, and "Show password" opens it once.
          response:
            result.kind === 'reset'
              ? privateAnswer(mine, () =>
                  cardResponse(
                    resetWithheldCard(
                      {
                        target: result.target,
                        agent: result.by,
                        token: services.withheldPasswords.put(actorOf(turn.info, turn.roles).id, cards.mine),
                        minutes: services.withheldPasswords.ttlMs / 60_000,
                      },
                      text,
                    ),
                  ),
                )
              : mine,
          outcome: {
            customerId: target?.customerId,
            targetUserId: target?.userId,
            details: { operationId: data.operationId, result: result.kind },
          },
        };
      },
    }),
    cardAction({
      verb: 'user.revealPassword',
      permission: 'user.resetPassword',
      data: z.object({ token: z.uuid() }).strip(),
      run: async (turn, data) => {
        const card = services.withheldPasswords.take(data.token, actorOf(turn.info, turn.roles).id);
        const gone = () => messageResponse(textFor(turn.info).t('reset.withheld.gone'));
        return card
          ? { response: privateAnswer(cardResponse(card), gone), outcome: { details: { result: 'shown' } } }
          : { response: gone(), outcome: { details: { result: 'gone' }, failed: true } };
      },
    }),
    cardAction({
      verb: 'users.deleted',
      permission: 'user.read',
      data: listData,
      run: async (turn, data) => {
        const { customer, answer } = await customerOrAnswer(turn, data.customerId);
        if (!customer) return answer as CardActionResult;
        const card = await deletedUsersView(
          services,
          callContextOf(turn.info),
          customer,
          data.page,
          textFor(turn.info),
          { refreshUserIds: teamsUserIdsOf(turn.context) },
        );
        return {
          response: cardResponse(card),
          outcome: { customerId: customer.id, details: { page: data.page } },
        };
      },
    }),
    cardAction({
      verb: 'user.restore',
      permission: 'user.restore',
      data: userData,
      run: async (turn, data) => {
        const ctx = callContextOf(turn.info);
        const text = textFor(turn.info);
        const prepared = await services.operations.prepareRestore(
          ctx,
          actorOf(turn.info, turn.roles),
          data.customerId,
          data.userId,
          'deletedUsers',
        );
        const outcome = {
          customerId: data.customerId,
          targetUserId: data.userId,
          details: { result: prepared.kind },
        };
        if (prepared.kind === 'confirm') {
          // In place of the list, for the agent who clicked; confirming updates the list for everyone.
          return { response: cardResponse(restoreConfirmation(prepared, true, text)), outcome };
        }
        await sendCard(turn.context, restoreAnswerCard(prepared, text));
        if (prepared.kind === 'customerNotFound')
          return { response: messageResponse(text.t('restore.customerNotFound')), outcome };
        const customer =
          'customer' in prepared
            ? prepared.customer
            : await services.partnerCenter.getCustomer(ctx, data.customerId);
        const card = await deletedUsersView(services, ctx, customer, 0, text, {
          refreshUserIds: teamsUserIdsOf(turn.context),
        });
        return { response: cardResponse(card), outcome };
      },
    }),
    cardAction({
      verb: 'user.confirmRestore',
      permission: 'user.restore',
      data: operationData,
      run: async (turn, data) => {
        const ctx = callContextOf(turn.info);
        const text = textFor(turn.info);
        const result = await services.operations.confirmRestore(
          ctx,
          actorOf(turn.info, turn.roles),
          data.operationId,
        );
        const details = { operationId: data.operationId, result: result.kind };
        if (result.kind === 'unknown' || result.kind === 'expired' || result.kind === 'alreadyDone') {
          return { response: cardResponse(operationProblemCard(result, text)), outcome: { details } };
        }
        const { target, origin } = result;
        const outcome = { customerId: target.customerId, targetUserId: target.userId, details };
        let card: AdaptiveCard;
        if (result.kind !== 'restored') {
          const answer =
            result.kind === 'conflict' ? conflictCard(target, undefined, text) : purgedCard(target, text);
          if (origin === 'message') {
            await updateForEveryone(services, turn.context, answer, turn.info.correlationId);
            return { response: cardResponse(answer), outcome };
          }
          await sendCard(turn.context, answer);
          card = await deletedUsersView(
            services,
            ctx,
            await services.partnerCenter.getCustomer(ctx, target.customerId),
            0,
            text,
            { refreshUserIds: teamsUserIdsOf(turn.context) },
          );
        } else if (origin === 'deletedUsers') {
          const customer = await services.partnerCenter.getCustomer(ctx, target.customerId);
          card = await deletedUsersView(services, ctx, customer, 0, text, {
            restored: { target, agent: result.by, at: result.at },
            refreshUserIds: teamsUserIdsOf(turn.context),
          });
        } else {
          card = restoreResultCard({ target, agent: result.by, at: result.at }, text);
        }
        await updateForEveryone(services, turn.context, card, turn.info.correlationId);
        return { response: cardResponse(card), outcome };
      },
    }),
  ];
}
