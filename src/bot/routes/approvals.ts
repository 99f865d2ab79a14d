import { z } from 'zod';
import type { Actor, ApprovalEngine } from '../../approvals/approval-engine';
import { REACTIVATION, SUSPENSION } from '../../approvals/approval-kind';
import { allows } from '../../auth/roles';
import { approvalListCard, maxApprovalListRows, messageCard, suspensionFormCard } from '../../cards';
import { channelReference, isPersonal } from '../../dialogs/approval-desk';
import {
  type ApprovalRequestServices,
  actorOf,
  reactivateDirectly,
  requestSubscriptionChange,
  resolveCustomer,
  viewerOf,
} from '../../dialogs/approval-requests';
import { parseSubscriptionCommand } from '../../dialogs/subscription-command';
import { AppError, isAppError } from '../../errors';
import type { StringKey } from '../../i18n/strings';
import type { ApprovalRepository } from '../../store/approvals';
import { cardResponse, messageResponse, sendCard, textFor } from '../replies';
import {
  type CardActionResult,
  type CardActionRoute,
  type CommandRoute,
  cardAction,
  type HandlerTurn,
} from '../routes';
import { callContextOf } from '../turn-info';
import { guidSchema } from './route-helpers';

/**
 * Approvals: `suspend`, `reactivate`, `approvals`, `set approvals channel`, and the approval card's buttons
 * (approve, reject, cancel, refresh) plus the "Suspend" form. The router has checked the route's permission;
 * who may decide a given request (an approver who is not the requester) is the engine's rule, applied again
 * here from the caller's identity, never from the card's data.
 */

export interface ApprovalRouteServices extends ApprovalRequestServices {
  repository: ApprovalRepository;
}

/** Card data carries only the request id; the comment box arrives as `comment`. */
const approvalActionData = z
  .object({ requestId: z.uuid(), comment: z.string().max(4000).optional() })
  .strip();
const suspensionFormData = z
  .object({ customerId: guidSchema, subscriptionId: guidSchema, reason: z.string().max(8000).optional() })
  .strip();

const decides = (turn: HandlerTurn) =>
  allows(turn.roles, 'suspension.decide') || allows(turn.roles, 'subscription.reactivate');

/** Approvers the bot meets are refreshed to their own view of later approval cards (Teams needs their ids). */
async function rememberIfApprover(services: ApprovalRouteServices, turn: HandlerTurn): Promise<void> {
  const actor = actorOf(turn);
  if (!decides(turn) || !actor.teamsUserId) return;
  await services.repository.rememberApprover(
    { id: actor.id, name: actor.name, teamsUserId: actor.teamsUserId },
    new Date(),
  );
}

function usageCard(turn: HandlerTurn, kind: 'suspend' | 'reactivate') {
  const text = textFor(turn.info);
  return messageCard({
    style: 'info',
    title: text.t(`${kind}.usage.title`),
    text: text.t(`${kind}.usage.text`),
    details: [text.t('suspend.usage.example')],
  });
}

async function subscriptionCommand(
  services: ApprovalRouteServices,
  turn: HandlerTurn,
  argument: string,
  kind: 'suspend' | 'reactivate',
) {
  const parsed = parseSubscriptionCommand(argument);
  if (!parsed) {
    await sendCard(turn.context, usageCard(turn, kind));
    return { details: { problem: 'usage' } };
  }
  const text = textFor(turn.info);
  const direct = kind === 'reactivate' && allows(turn.roles, 'subscription.reactivate');
  const requestKind = kind === 'suspend' ? SUSPENSION : REACTIVATION;
  if (!direct && !allows(turn.roles, 'suspension.request')) {
    throw new AppError('AUTHZ_DENIED', 'reactivation needs the approver or agent role', { kind });
  }
  const reasonProblem = direct ? undefined : services.approvals.reasonProblem(requestKind, parsed.reason);
  if (reasonProblem) {
    const title =
      reasonProblem === 'reasonMissing'
        ? text.t('approval.problem.reasonMissing')
        : text.t('approval.problem.reasonTooLong', { length: [...parsed.reason].length });
    await sendCard(
      turn.context,
      messageCard({ style: 'warning', title, details: [text.t(`${kind}.usage.text`)] }),
    );
    return { subscriptionId: parsed.subscriptionId, details: { problem: reasonProblem } };
  }
  const resolved = await resolveCustomer(services.partnerCenter, turn, parsed.customer);
  if ('reply' in resolved) {
    await sendCard(turn.context, resolved.reply);
    return { subscriptionId: parsed.subscriptionId, details: { problem: 'customer' } };
  }
  const answer = direct
    ? await reactivateDirectly(services, turn, resolved.customer, parsed.subscriptionId)
    : await requestSubscriptionChange(services, turn, {
        kind: requestKind,
        customer: resolved.customer,
        subscriptionId: parsed.subscriptionId,
        reason: parsed.reason,
      });
  await sendCard(turn.context, answer.reply);
  return answer.outcome;
}

export function approvalCommands(services: ApprovalRouteServices): CommandRoute[] {
  return [
    {
      name: 'suspend',
      argumentsKey: 'usage.suspend',
      descriptionKey: 'help.command.suspend',
      group: 'subscriptions',
      permission: 'suspension.request',
      run: (turn, argument) => subscriptionCommand(services, turn, argument, 'suspend'),
    },
    {
      // Approvers reactivate directly, agents ask; so the route lets both in and the handler tells them apart.
      name: 'reactivate',
      argumentsKey: 'usage.reactivate',
      descriptionKey: 'help.command.reactivate',
      group: 'subscriptions',
      permission: 'subscription.read',
      run: (turn, argument) => subscriptionCommand(services, turn, argument, 'reactivate'),
    },
    {
      name: 'approvals',
      descriptionKey: 'help.command.approvals',
      group: 'subscriptions',
      permission: 'subscription.read',
      run: async (turn) => {
        await rememberIfApprover(services, turn);
        const actor = actorOf(turn);
        const scope = decides(turn) ? 'all' : 'own';
        const waiting = (
          await services.repository.listPending({
            requesterId: scope === 'own' ? actor.id.toLowerCase() : undefined,
            limit: 500,
          })
        )
          .filter((request) => services.approvals.isWaiting(request))
          .map((request) => ({ request, viewer: viewerOf(services.approvals, request, actor) }))
          // Approvers see what they may decide (their customers) and what they asked for themselves.
          .filter((row) => row.viewer !== 'observer');
        const rows = waiting.slice(0, maxApprovalListRows);
        await sendCard(
          turn.context,
          approvalListCard({ scope, rows, total: waiting.length }, textFor(turn.info)),
        );
        return { details: { scope, waiting: waiting.length } };
      },
    },
    {
      name: 'set approvals channel',
      descriptionKey: 'help.command.setApprovalsChannel',
      group: 'administration',
      permission: 'settings.write',
      run: async (turn) => {
        const text = textFor(turn.info);
        const actor = actorOf(turn);
        const reference = channelReference(services.proactive.referenceOf(turn.context));
        const activity = turn.context.activity;
        const channelData = (activity.channelData ?? {}) as { channel?: { name?: unknown } };
        const name =
          typeof channelData.channel?.name === 'string'
            ? channelData.channel.name
            : activity.conversation?.name;
        const previous = await services.repository.approvalsChannel();
        await services.repository.setApprovalsChannel({
          conversation: reference,
          name: name || undefined,
          setBy: { id: actor.id, name: actor.name },
          setAt: new Date(),
        });
        await rememberIfApprover(services, turn);
        const details = [
          ...(isPersonal(reference) ? [text.t('approvalsChannel.set.personal')] : []),
          ...(previous
            ? [
                text.t('approvalsChannel.set.previous', {
                  channel: previous.name ?? text.t('approval.requested.channelUnnamed'),
                }),
              ]
            : []),
        ];
        await sendCard(
          turn.context,
          messageCard({
            style: 'info',
            title: text.t('approvalsChannel.set.title'),
            text: text.t('approvalsChannel.set.text'),
            details,
          }),
        );
        return { details: { conversationType: activity.conversation?.conversationType ?? 'unknown' } };
      },
    },
  ];
}

function unknownRequest(turn: HandlerTurn): CardActionResult {
  const text = textFor(turn.info);
  return {
    response: cardResponse(
      messageCard({
        style: 'info',
        title: text.t('approval.unknown.title'),
        text: text.t('approval.unknown.text'),
      }),
    ),
    outcome: { details: { unknown: true } },
  };
}

const noticeKeys: Readonly<Record<string, StringKey>> = {
  selfDecision: 'approval.notice.selfDecision',
  notAllowed: 'approval.notice.notAllowed',
  customerNotAllowed: 'approval.notice.customerNotAllowed',
  commentTooLong: 'approval.notice.commentTooLong',
  notRequester: 'approval.notice.notRequester',
  closed: 'approval.notice.closed',
};

function decideAction(services: ApprovalRouteServices, decision: 'approve' | 'reject') {
  return cardAction({
    verb: `approval.${decision}`,
    permission: 'suspension.decide',
    data: approvalActionData,
    run: async (turn, data) => {
      await rememberIfApprover(services, turn);
      const actor = actorOf(turn);
      const outcome = await services.approvals.decide(
        data.requestId,
        actor,
        decision,
        data.comment,
        callContextOf(turn.info),
      );
      if (outcome.kind === 'unknown') return unknownRequest(turn);
      const notice =
        outcome.kind === 'refused'
          ? noticeKeys[outcome.reason]
          : outcome.kind === 'closed'
            ? noticeKeys.closed
            : undefined;
      return answerWithCard(services, turn, actor, outcome.request, notice, {
        decision,
        result: outcome.kind === 'refused' ? `refused:${outcome.reason}` : outcome.kind,
      });
    },
  });
}

async function answerWithCard(
  services: ApprovalRouteServices,
  turn: HandlerTurn,
  actor: Actor,
  request: Parameters<ApprovalEngine['mayDecide']>[0],
  notice: StringKey | undefined,
  details: Record<string, unknown>,
): Promise<CardActionResult> {
  const viewer = viewerOf(services.approvals, request, actor);
  // The answer replaces the card for this viewer alone: their language and time zone.
  const text = textFor(turn.info);
  return {
    response: cardResponse(await services.desk.card(request, viewer, notice && text.t(notice), text)),
    outcome: {
      customerId: request.customerId,
      subscriptionId: request.subscriptionId,
      targetUserId: request.targetUserId,
      details: { requestId: request.id, kind: request.kind, status: request.status, ...details },
    },
  };
}

async function subscriptionOrProblem(
  services: ApprovalRouteServices,
  turn: HandlerTurn,
  customerId: string,
  subscriptionId: string,
) {
  const ctx = callContextOf(turn.info);
  try {
    const [customer, subscription] = await Promise.all([
      services.partnerCenter.getCustomer(ctx, customerId),
      services.partnerCenter.getSubscription(ctx, customerId, subscriptionId),
    ]);
    return { customer: { id: customer.id, companyName: customer.companyProfile.companyName }, subscription };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'PC_NOT_FOUND') throw error;
    return undefined;
  }
}

export function approvalCardActions(services: ApprovalRouteServices): CardActionRoute[] {
  return [
    decideAction(services, 'approve'),
    decideAction(services, 'reject'),
    cardAction({
      verb: 'approval.cancel',
      permission: 'suspension.request',
      data: approvalActionData,
      run: async (turn, data) => {
        const actor = actorOf(turn);
        const outcome = await services.approvals.cancel(data.requestId, actor, turn.info.correlationId);
        if (outcome.kind === 'unknown') return unknownRequest(turn);
        const notice =
          outcome.kind === 'refused'
            ? noticeKeys.notRequester
            : outcome.kind === 'closed'
              ? noticeKeys.closed
              : undefined;
        return answerWithCard(services, turn, actor, outcome.request, notice, {
          decision: 'cancel',
          result: outcome.kind === 'refused' ? `refused:${outcome.reason}` : outcome.kind,
        });
      },
    }),
    cardAction({
      // Sent by Teams (the card's `refresh`) for each listed viewer, and by "Refresh card": their own view.
      verb: 'approval.refresh',
      permission: 'subscription.read',
      data: approvalActionData,
      run: async (turn, data) => {
        await rememberIfApprover(services, turn);
        const request = await services.approvals.find(data.requestId);
        if (!request) return unknownRequest(turn);
        return answerWithCard(services, turn, actorOf(turn), request, undefined, {});
      },
    }),
    cardAction({
      // The "Suspend" button of a subscription row: the form that asks for the reason.
      verb: 'subscription.suspend',
      permission: 'suspension.request',
      data: suspensionFormData,
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const found = await subscriptionOrProblem(services, turn, data.customerId, data.subscriptionId);
        const target = { customerId: data.customerId, subscriptionId: data.subscriptionId };
        if (!found) {
          const message = text.t('approval.problem.subscriptionNotFound', {
            customer: data.customerId,
            subscriptionId: data.subscriptionId,
          });
          return {
            response: messageResponse(message),
            outcome: { ...target, details: { problem: 'notFound' } },
          };
        }
        if (found.subscription.status !== 'active') {
          const message = text.t('approval.problem.notActive', { status: found.subscription.status });
          return {
            response: messageResponse(message),
            outcome: { ...target, details: { problem: 'wrongStatus' } },
          };
        }
        await sendCard(turn.context, suspensionFormCard(found, text));
        return {
          response: messageResponse(text.t('suspensionForm.title')),
          outcome: { ...target, details: { form: true } },
        };
      },
    }),
    cardAction({
      verb: 'suspension.submit',
      permission: 'suspension.request',
      data: suspensionFormData,
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const reason = data.reason ?? '';
        const target = { customerId: data.customerId, subscriptionId: data.subscriptionId };
        const reasonProblem = services.approvals.reasonProblem(SUSPENSION, reason);
        if (reasonProblem) {
          const found = await subscriptionOrProblem(services, turn, data.customerId, data.subscriptionId);
          if (!found) throw new AppError('PC_NOT_FOUND', 'subscription of the suspension form is gone');
          const problem = text.t('suspensionForm.reason.error');
          return {
            response: cardResponse(suspensionFormCard({ ...found, reason, problem }, text)),
            outcome: { ...target, details: { problem: reasonProblem } },
          };
        }
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        const answer = await requestSubscriptionChange(services, turn, {
          kind: SUSPENSION,
          customer,
          subscriptionId: data.subscriptionId,
          reason,
        });
        return { response: cardResponse(answer.reply), outcome: answer.outcome };
      },
    }),
  ];
}
