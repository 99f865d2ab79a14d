import type { ProactiveMessenger } from '../bot/proactive';
import { provisioningWatchCard } from '../cards';
import { strings } from '../i18n/strings';
import type { WatchEnding } from '../provisioning/watch-job';
import type { ProvisioningWatch } from '../store/provisioning-watches';

/**
 * How an ended watch reaches its requester: a card, in the requester's language and time zone, sent proactively
 * into the conversation where they pressed "Notify me when ready".
 */
export function provisioningWatchNotifier(
  proactive: ProactiveMessenger,
): (watch: ProvisioningWatch, ending: WatchEnding) => Promise<void> {
  return async (watch, ending) => {
    const card = provisioningWatchCard(
      {
        event:
          ending.kind === 'ready'
            ? { kind: 'ready', status: ending.status }
            : { kind: 'gaveUp', afterMs: watch.expiresAt.getTime() - watch.createdAt.getTime() },
        customerId: watch.customerId,
        companyName: watch.customerName ?? watch.customerId,
        subscriptionId: watch.subscriptionId,
        subscriptionName: watch.subscriptionName ?? watch.subscriptionId,
      },
      strings(watch.locale, watch.timeZone),
    );
    await proactive.sendCard(watch.conversationReference, card);
  };
}
