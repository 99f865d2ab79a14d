import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PartnerCenter } from '../api/partner-center';
import type { BackgroundJob } from '../background-jobs';
import type { ProactiveMessenger } from '../bot/proactive';
import type { Config } from '../config';
import type { Logger } from '../log';
import { provisioningWatchJob } from '../provisioning/watch-job';
import type { Store } from '../store/store';
import { serviceRequestsPortalUrl } from '../tickets/portal-link';
import { Submissions } from '../tickets/submissions';
import { SupportTopicCatalog } from '../tickets/support-topics';
import { provisioningWatchNotifier } from './provisioning-notifier';
import type { ProvisioningServices } from './subscription-views';
import type { TicketServices } from './ticket-form-flow';

/** Wiring of the service-request and provisioning features, for the composition root (src/app.ts). */
export interface SupportServiceDependencies {
  config: Config;
  store: Store;
  partnerCenter: PartnerCenter;
  proactive: ProactiveMessenger;
  logger: Logger;
  now: () => Date;
}

export function createTicketServices(deps: SupportServiceDependencies): TicketServices {
  return {
    partnerCenter: deps.partnerCenter,
    topics: new SupportTopicCatalog(deps.partnerCenter, { legacyApi: deps.config.tickets.legacyApi }),
    drafts: new Submissions(deps.store.state, 'ticket-form', deps.now),
    notes: new Submissions(deps.store.state, 'ticket-note', deps.now),
    portalUrl: (customerId) =>
      serviceRequestsPortalUrl(deps.config.tickets.portalServiceRequestsUrl, customerId),
    audit: deps.store.audit,
  };
}

/** `backgroundAppUser`: whether background work can make App+User calls (the identity mode and its tokens). */
export function createProvisioningServices(
  deps: SupportServiceDependencies,
  backgroundAppUser: boolean,
): ProvisioningServices {
  return {
    partnerCenter: deps.partnerCenter,
    watches: deps.store.provisioningWatches,
    proactive: deps.proactive,
    statusConcurrency: deps.config.provisioning.statusConcurrency,
    watchPollIntervalMs: deps.config.provisioning.watchPollIntervalMs,
    watchGiveUpAfterMs: deps.config.provisioning.watchGiveUpAfterMs,
    now: deps.now,
    backgroundAppUser,
  };
}

/** The "Notify me when ready" poller of this bot instance. */
export function createProvisioningWatchJob(deps: SupportServiceDependencies): BackgroundJob {
  return provisioningWatchJob({
    watches: deps.store.provisioningWatches,
    partnerCenter: deps.partnerCenter,
    notify: provisioningWatchNotifier(deps.proactive),
    audit: deps.store.audit,
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    pollIntervalMs: deps.config.provisioning.watchPollIntervalMs,
    concurrency: deps.config.provisioning.statusConcurrency,
    logger: deps.logger,
    now: deps.now,
  });
}
