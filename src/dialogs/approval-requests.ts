import type { TurnContext } from 'botbuilder';
import type { Customer, Subscription } from '../api/models';
import type { PartnerCenter } from '../api/partner-center';
import type { Actor, ApprovalEngine, RequestOutcome } from '../approvals/approval-engine';
import { PRIVILEGED_RESET, type REACTIVATION, SUSPENSION } from '../approvals/approval-kind';
import type { Role } from '../auth/roles';
import type { ProactiveMessenger } from '../bot/proactive';
import { sendCard, textFor } from '../bot/replies';
import type { ActionOutcome, HandlerTurn } from '../bot/routes';
import { callContextOf, turnInfo } from '../bot/turn-info';
import { type AdaptiveCard, messageCard, requestSummary } from '../cards';
import { isAppError } from '../errors';
import type { ApprovalRequest } from '../store/approvals';
import { type ApprovalDesk, isPersonal } from './approval-desk';
import { findCustomers } from './customer-search';
import { interpretLookupQuery, isLookupProblem } from './lookup-query';

/**
 * Asking for an approval from Teams (`suspend`, an agent's `reactivate`, the "Suspend" form), and an
 * approver's direct reactivation: find the customer, let the engine check and store the request, post the
 * approval card, and answer the asker in plain words whatever happened.
 */

export interface ApprovalRequestServices {
  partnerCenter: PartnerCenter;
  approvals: ApprovalEngine;
  desk: ApprovalDesk;
  proactive: ProactiveMessenger;
}

/** What to answer the asker (approval cards are already posted), and what to audit. */
export interface RequestAnswer {
  reply: AdaptiveCard;
  outcome: ActionOutcome;
}

/** What asking needs from a turn (a route's, or a dialog's context with the caller's roles). */
export type RequestTurn = Pick<HandlerTurn, 'context' | 'info' | 'roles'>;

export function actorOf(turn: RequestTurn): Actor & { teamsUserId?: string } {
  return {
    id: turn.info.caller.aadObjectId ?? 'unknown',
    name: turn.info.caller.name,
    roles: turn.roles,
    customerScope: turn.info.customerAccess?.scope,
    teamsUserId: turn.context.activity.from?.id,
  };
}

export function viewerOf(engine: ApprovalEngine, request: ApprovalRequest, actor: Actor) {
  if (request.requester.id.toLowerCase() === actor.id.toLowerCase()) return 'requester' as const;
  return engine.mayDecide(request, actor) ? ('approver' as const) : ('observer' as const);
}

function problem(title: string, details: string[] = []): AdaptiveCard {
  return messageCard({ style: 'warning', title, details });
}

/** The one customer a `<customer>` argument names, or the card that says why there is none. */
export async function resolveCustomer(
  partnerCenter: PartnerCenter,
  turn: RequestTurn,
  query: string,
): Promise<{ customer: Customer } | { reply: AdaptiveCard }> {
  const text = textFor(turn.info);
  const interpreted = interpretLookupQuery(query);
  if (isLookupProblem(interpreted)) {
    return { reply: problem(text.t('approval.problem.customerNone', { query })) };
  }
  const found = await findCustomers(partnerCenter, callContextOf(turn.info), interpreted);
  if (found.kind === 'one') return { customer: found.customer };
  if (found.kind === 'none') return { reply: problem(text.t('approval.problem.customerNone', { query })) };
  return {
    reply: problem(
      text.t('approval.problem.customerMany', { query }),
      found.customers.map((customer) =>
        text.t('approval.problem.customerRow', {
          name: customer.companyProfile.companyName,
          tenantId: customer.id,
        }),
      ),
    ),
  };
}

/** Asks for a suspension or an agent's reactivation of one subscription of `customer`. */
export async function requestSubscriptionChange(
  services: ApprovalRequestServices,
  turn: RequestTurn,
  request: {
    kind: typeof SUSPENSION | typeof REACTIVATION;
    customer: Customer;
    subscriptionId: string;
    reason: string;
  },
): Promise<RequestAnswer> {
  const text = textFor(turn.info);
  const target = { customerId: request.customer.id, subscriptionId: request.subscriptionId };
  const companyName = request.customer.companyProfile.companyName;
  let outcome: RequestOutcome;
  try {
    outcome = await services.approvals.request({
      kind: request.kind,
      requester: actorOf(turn),
      requesterConversation: services.proactive.referenceOf(turn.context),
      locale: turn.info.locale,
      timeZone: turn.info.timeZone,
      ...target,
      reason: request.reason,
      facts: { companyName },
      ctx: callContextOf(turn.info),
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'PC_NOT_FOUND') throw error;
    return {
      reply: problem(
        text.t('approval.problem.subscriptionNotFound', {
          customer: companyName,
          subscriptionId: request.subscriptionId,
        }),
      ),
      outcome: { ...target, details: { kind: request.kind, problem: 'subscriptionNotFound' } },
    };
  }
  return answerTo(services, turn, outcome, target, request.kind, request.reason.trim());
}

async function answerTo(
  services: ApprovalRequestServices,
  turn: RequestTurn,
  outcome: RequestOutcome,
  target: { customerId: string; subscriptionId?: string; targetUserId?: string },
  kind: string,
  reason: string,
): Promise<RequestAnswer> {
  const text = textFor(turn.info);
  switch (outcome.kind) {
    case 'refused': {
      const title =
        outcome.reason === 'reasonMissing'
          ? text.t('approval.problem.reasonMissing')
          : outcome.reason === 'reasonTooLong'
            ? text.t('approval.problem.reasonTooLong', { length: [...reason].length })
            : text.t('approval.problem.notAllowed');
      return { reply: problem(title), outcome: { ...target, details: { kind, problem: outcome.reason } } };
    }
    case 'notReady': {
      const status = String(outcome.facts.status ?? '');
      const title =
        kind === SUSPENSION
          ? text.t('approval.problem.notActive', { status })
          : text.t('approval.problem.notSuspended', { status });
      return {
        reply: problem(title),
        outcome: { ...target, details: { kind, problem: 'wrongStatus', status } },
      };
    }
    case 'duplicate': {
      const existing = outcome.request;
      const viewer = viewerOf(services.approvals, existing, actorOf(turn));
      await sendCard(turn.context, await services.desk.card(existing, viewer, undefined, text));
      return {
        reply: messageCard({
          style: 'info',
          title: text.t('approval.duplicate.title'),
          text: text.t('approval.duplicate.text', { name: existing.requester.name ?? existing.requester.id }),
        }),
        outcome: { ...target, details: { kind, requestId: existing.id, duplicate: true } },
      };
    }
    case 'created': {
      const created = outcome.request;
      const posted = await services.desk.post(created, turn.context);
      const channel = posted.channelName ?? text.t('approval.requested.channelUnnamed');
      const where =
        posted.where === 'here'
          ? text.t('approval.requested.here')
          : posted.where === 'fallback'
            ? text.t('approval.requested.fallback', { channel })
            : text.t('approval.requested.channel', { channel });
      return {
        reply: messageCard({
          style: 'info',
          title: text.t('approval.requested.title'),
          text: requestSummary(created, text),
          details: [where],
        }),
        outcome: { ...target, details: { kind, requestId: created.id } },
      };
    }
  }
}

/** An approver's (or admin's) reactivation: no approval needed; the router audits it. */
export async function reactivateDirectly(
  services: ApprovalRequestServices,
  turn: RequestTurn,
  customer: Customer,
  subscriptionId: string,
): Promise<RequestAnswer> {
  const text = textFor(turn.info);
  const ctx = callContextOf(turn.info);
  const target = { customerId: customer.id, subscriptionId };
  const companyName = customer.companyProfile.companyName;
  let subscription: Subscription;
  try {
    subscription = await services.partnerCenter.getSubscription(ctx, customer.id, subscriptionId);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'PC_NOT_FOUND') throw error;
    return {
      reply: problem(
        text.t('approval.problem.subscriptionNotFound', { customer: companyName, subscriptionId }),
      ),
      outcome: { ...target, details: { direct: true, problem: 'subscriptionNotFound' } },
    };
  }
  const etag = subscription.attributes?.etag;
  if (subscription.status !== 'suspended' || !etag) {
    return {
      reply: problem(text.t('approval.problem.notSuspended', { status: subscription.status })),
      outcome: { ...target, details: { direct: true, problem: 'wrongStatus', status: subscription.status } },
    };
  }
  const updated = await services.partnerCenter.setSubscriptionStatus(
    ctx,
    customer.id,
    subscriptionId,
    'active',
    etag,
  );
  const offer = subscription.offerName ?? subscription.offerId ?? subscription.id;
  return {
    reply: messageCard({
      style: 'info',
      title: text.t('reactivate.done.title'),
      text: text.t('reactivate.done.text', { summary: `${offer} · ${companyName}` }),
    }),
    outcome: { ...target, details: { direct: true, status: updated.status } },
  };
}

/**
 * Instead of refusing to reset the password of a user who holds an administrator role, asks an approver.
 * Only from the requester's personal chat: that is where the temporary password is delivered, to them alone.
 */
export interface PrivilegedTarget {
  customerId: string;
  companyName: string;
  userId: string;
  displayName: string;
  userPrincipalName: string;
}

export async function requestPrivilegedReset(
  services: ApprovalRequestServices,
  turn: RequestTurn,
  target: PrivilegedTarget,
  adminRoles: readonly string[],
): Promise<RequestAnswer> {
  const text = textFor(turn.info);
  const here = services.proactive.referenceOf(turn.context);
  const ids = { customerId: target.customerId, targetUserId: target.userId };
  if (!isPersonal(here)) {
    return {
      reply: messageCard({
        style: 'warning',
        title: text.t('approval.privilegedReset.personalOnly.title', { displayName: target.displayName }),
        text: text.t('approval.privilegedReset.personalOnly.text', {
          userPrincipalName: target.userPrincipalName,
          roles: adminRoles.join(text.t('list.separator')),
        }),
      }),
      outcome: { ...ids, details: { kind: PRIVILEGED_RESET, problem: 'personalChatNeeded' } },
    };
  }
  const outcome = await services.approvals.request({
    kind: PRIVILEGED_RESET,
    requester: actorOf(turn),
    requesterConversation: here,
    locale: turn.info.locale,
    timeZone: turn.info.timeZone,
    ...ids,
    reason: '',
    facts: { companyName: target.companyName },
    ctx: callContextOf(turn.info),
  });
  return answerTo(services, turn, outcome, ids, PRIVILEGED_RESET, '');
}

/** What the user operations call instead of refusing an administrator's reset (see UserServices). */
export type PrivilegedResetAsker = (
  context: TurnContext,
  roles: Role[],
  target: PrivilegedTarget,
  adminRoles: readonly string[],
) => Promise<RequestAnswer>;

export function privilegedResetAsker(services: ApprovalRequestServices): PrivilegedResetAsker {
  return (context, roles, target, adminRoles) =>
    requestPrivilegedReset(services, { context, info: turnInfo(context), roles }, target, adminRoles);
}
