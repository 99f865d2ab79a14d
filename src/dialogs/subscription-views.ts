import type { Customer, Subscription } from '../api/models';
import type { PartnerCenter } from '../api/partner-center';
import { allows } from '../auth/roles';
import type { ProactiveMessenger } from '../bot/proactive';
import { messageResponse, sendCard, textFor } from '../bot/replies';
import type { CardActionResult, HandlerTurn } from '../bot/routes';
import { callContextOf } from '../bot/turn-info';
import {
  type AdaptiveCard,
  type ProvisioningWatchEvent,
  provisioningCard,
  provisioningWatchCard,
  type SubscriptionActionData,
  serviceAccountSetting,
  subscriptionListCard,
} from '../cards';
import { provisioningUnavailableReason } from '../cards/subscription-labels';
import {
  attentionFirst,
  isStillPending,
  lookUpProvisioning,
  withProvisioning,
} from '../provisioning/subscription-provisioning';
import type { ProvisioningWatches } from '../store/provisioning-watches';

/**
 * `subscriptions <customer>`, `provisioning <customer> <subscription id>` and "Notify me when ready": the
 * subscriptions with their provisioning status (read in parallel, a few at a time), one subscription's
 * status in detail, and the watch that tells the agent when provisioning is no longer pending.
 */
export interface ProvisioningServices {
  partnerCenter: PartnerCenter;
  watches: ProvisioningWatches;
  proactive: ProactiveMessenger;
  /** Provisioning-status reads in flight at once for one list. */
  statusConcurrency: number;
  watchPollIntervalMs: number;
  watchGiveUpAfterMs: number;
  now(): Date;
  /**
   * Whether background work can make the App+User calls that checking a watch needs: not in identity mode
   * `agent` without the service account (nor in `app-only`), where "Notify me when ready" is not offered.
   */
  backgroundAppUser: boolean;
}

/** Every role that reads subscriptions may ask to be told when one is ready, when watches can be checked. */
const canWatch = (turn: HandlerTurn, services: ProvisioningServices) =>
  services.backgroundAppUser && turn.info.caller.aadObjectId !== undefined;

export async function subscriptionsOfCustomer(
  turn: HandlerTurn,
  services: ProvisioningServices,
  customer: Customer,
): Promise<{ card: AdaptiveCard; counts: Record<string, number> }> {
  const ctx = callContextOf(turn.info);
  const subscriptions = await services.partnerCenter.listSubscriptions(ctx, customer.id);
  const rows = attentionFirst(
    await withProvisioning(
      services.partnerCenter,
      ctx,
      customer.id,
      subscriptions,
      services.statusConcurrency,
    ),
  );
  const watched = turn.info.caller.aadObjectId
    ? await services.watches.watchedBy(turn.info.caller.aadObjectId, customer.id)
    : new Set<string>();
  const count = (status: string) =>
    rows.filter((row) => row.provisioning.kind === 'status' && row.provisioning.status.status === status)
      .length;
  return {
    card: subscriptionListCard(
      {
        customerId: customer.id,
        companyName: customer.companyProfile.companyName,
        rows,
        watched,
        canWatch: canWatch(turn, services),
        canSuspend: allows(turn.roles, 'suspension.request'),
      },
      textFor(turn.info),
    ),
    counts: { subscriptions: rows.length, pending: count('pending'), failed: count('failed') },
  };
}

export async function provisioningDetails(
  turn: HandlerTurn,
  services: ProvisioningServices,
  customer: Customer,
  subscription: Subscription,
): Promise<{ card: AdaptiveCard; status: string }> {
  const ctx = callContextOf(turn.info);
  const provisioning = await lookUpProvisioning(services.partnerCenter, ctx, customer.id, subscription);
  const watching = turn.info.caller.aadObjectId
    ? (await services.watches.watchedBy(turn.info.caller.aadObjectId, customer.id)).has(
        subscription.id.toLowerCase(),
      )
    : false;
  return {
    card: provisioningCard(
      {
        customerId: customer.id,
        companyName: customer.companyProfile.companyName,
        subscription,
        provisioning,
        watching,
        canWatch: canWatch(turn, services),
      },
      textFor(turn.info),
    ),
    status: provisioning.kind === 'status' ? provisioning.status.status : provisioning.kind,
  };
}

const subscriptionName = (subscription: Subscription) =>
  subscription.friendlyName?.trim() || subscription.offerName || subscription.id;

/**
 * `provisioning.watch`: reads the status once more, and starts watching while it is pending. The answer is
 * a new card in the conversation (the one the notification will follow), and a short message on the button.
 * When watches cannot be checked (a button of an older card), it says why and what the admin can set.
 */
export async function startWatch(
  turn: HandlerTurn,
  services: ProvisioningServices,
  data: SubscriptionActionData,
): Promise<CardActionResult> {
  const text = textFor(turn.info);
  if (!services.backgroundAppUser) {
    return {
      response: messageResponse(
        text.t('watch.toast.notAvailable', {
          action: text.t('provisioning.action.notify'),
          setting: serviceAccountSetting,
        }),
      ),
      outcome: { details: { result: 'notAvailable' }, failed: true },
    };
  }
  const ctx = callContextOf(turn.info);
  const customer = await services.partnerCenter.getCustomer(ctx, data.customerId);
  const subscription = await services.partnerCenter.getSubscription(
    ctx,
    data.customerId,
    data.subscriptionId,
  );
  const provisioning = await lookUpProvisioning(services.partnerCenter, ctx, customer.id, subscription);
  const outcome = (details: Record<string, unknown>) => ({
    customerId: customer.id,
    subscriptionId: subscription.id,
    details,
  });
  if (provisioning.kind !== 'status') {
    const reason =
      provisioning.kind === 'unavailable'
        ? provisioningUnavailableReason(provisioning.code, text)
        : text.t('provisioning.notApplicable');
    return {
      response: messageResponse(text.t('provisioning.unavailable', { reason })),
      outcome: outcome({ result: 'unavailable' }),
    };
  }

  const names = {
    customerId: customer.id,
    companyName: customer.companyProfile.companyName,
    subscriptionId: subscription.id,
    subscriptionName: subscriptionName(subscription),
  };
  const answer = async (
    event: ProvisioningWatchEvent,
    result: string,
    details: Record<string, unknown> = {},
  ) => {
    await sendCard(turn.context, provisioningWatchCard({ event, ...names }, text));
    return {
      response: messageResponse(text.t(`watch.toast.${result as 'started' | 'already' | 'done'}`)),
      outcome: outcome({ result, ...details }),
    };
  };
  if (!isStillPending(provisioning.status.status)) {
    return answer({ kind: 'alreadyDone', status: provisioning.status.status }, 'done', {
      status: provisioning.status.status,
    });
  }

  const now = services.now();
  const { started, watch } = await services.watches.start({
    requesterId: turn.info.caller.aadObjectId ?? '',
    requesterName: turn.info.caller.name,
    conversationReference: services.proactive.referenceOf(turn.context),
    locale: turn.info.locale,
    timeZone: turn.info.timeZone,
    customerId: customer.id,
    customerName: customer.companyProfile.companyName,
    subscriptionId: subscription.id,
    subscriptionName: subscriptionName(subscription),
    createdAt: now,
    expiresAt: new Date(now.getTime() + services.watchGiveUpAfterMs),
    nextCheckAt: new Date(now.getTime() + services.watchPollIntervalMs),
  });
  return started
    ? answer(
        {
          kind: 'started',
          checkEveryMs: services.watchPollIntervalMs,
          giveUpAfterMs: services.watchGiveUpAfterMs,
        },
        'started',
        { watchId: watch.id },
      )
    : answer({ kind: 'alreadyWatching' }, 'already', { watchId: watch.id });
}
