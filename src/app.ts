import { randomUUID } from 'node:crypto';
import { ConversationState, type Storage } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { guardGdap } from './api/gdap-guard';
import type { GdapDirectory } from './api/gdap-relationships';
import { identityReport, isHealthy, readinessSummary } from './api/identity-health';
import type { IdentityTokens } from './api/identity-tokens';
import type { PartnerCenter } from './api/partner-center';
import { noTokenProvider } from './api/token-provider';
import { ApprovalEngine } from './approvals/approval-engine';
import { approvalSweepJob } from './approvals/approval-sweep-job';
import { privilegedResetKind } from './approvals/privileged-reset-kind';
import { reactivationKind, suspensionKind } from './approvals/subscription-kinds';
import { Authorizer } from './auth/authorizer';
import { scopeToCustomers } from './auth/customer-scope-guard';
import type { RoleAssignments } from './auth/role-assignments';
import type { BackgroundJob } from './background-jobs';
import { JobScheduler } from './background-jobs';
import { type BotAuthenticationSettings, createAdapter, withTokenService } from './bot/adapter';
import { HelpdeskBot } from './bot/helpdesk-bot';
import { InvokeDeadline } from './bot/invoke-deadline';
import { CustomerSearchExtension } from './bot/message-extension';
import { createProactiveMessenger, type ProactiveMessenger } from './bot/proactive';
import { buildRouteTable, type RouteServices } from './bot/route-table';
import { Router } from './bot/router';
import { type PendingCommands, SignInFlow } from './bot/sign-in';
import { Welcomer } from './bot/welcome';
import type { Config } from './config';
import { CustomerIndex } from './customers/customer-index';
import { customerIndexJob } from './customers/customer-index-job';
import { QuickCustomerSearch } from './customers/quick-search';
import { ApprovalDesk } from './dialogs/approval-desk';
import { privilegedResetAsker } from './dialogs/approval-requests';
import { LookupDialog } from './dialogs/lookup-dialog';
import { LookupSessions } from './dialogs/lookup-sessions';
import {
  createProvisioningServices,
  createProvisioningWatchJob,
  createTicketServices,
} from './dialogs/support-services';
import { UserOperationDialog } from './dialogs/user-operation-dialog';
import { createUserServices } from './dialogs/user-services';
import { UsersDialog } from './dialogs/users-dialog';
import { createGroupDirectory } from './graph/create-group-membership';
import type { Logger } from './log';
import { createServer, type HelpdeskServer, type ReadinessCheck } from './server';
import { retentionJob } from './store/retention';
import type { Store } from './store/store';
import { generatePassword } from './users/password-generator';

/**
 * The composition root: wires transport → bot → domain. Tests and benchmarks call `buildApp`
 * with their own store and Partner Center client; `bot-main.ts` only builds and listens.
 */

/** Results one message-extension answer lists. */
const COMPOSE_RESULTS = 25;

export interface AppDependencies {
  config: Config;
  store: Store;
  /** botbuilder Storage over the store (conversation state, dialog stacks). */
  botStorage: Storage;
  partnerCenter: PartnerCenter;
  assignments: RoleAssignments;
  logger: Logger;
  /** The clock of time-bound work (approval expiry); tests move it. Default: the system clock. */
  now?: () => Date;
  /** botbuilder authentication endpoints other than the public cloud's (tests: their own OpenID metadata). */
  botAuthentication?: BotAuthenticationSettings;
  /**
   * Whose identity Partner Center sees (the tokens `partnerCenter` was built with, and in agent mode the
   * per-agent tokens the sign-in flow fills). Default: the configured mode without tokens (the simulator).
   */
  identity?: IdentityTokens;
  /** GDAP relationships for the pre-flight of user operations; absent: Partner Center's 403 alone tells. */
  gdap?: GdapDirectory;
}

export interface App {
  server: HelpdeskServer;
  /** Every customer, searchable with typos; loaded and refreshed by a job in `jobs`. */
  customerIndex: CustomerIndex;
  /** Closes what the app opened itself (the Microsoft Graph connections); after the server closed. */
  release(): Promise<void>;
  router: Router;
  /** Periodic work (watches, sweeps); started by bot-main after listening, stopped before the store closes. */
  jobs: JobScheduler;
  /** The "Notify me when ready" poller (also in `jobs`); tests run it directly. */
  provisioningWatches: BackgroundJob;
  proactive: ProactiveMessenger;
  /** The approval engine (suspensions, reactivations, privileged resets); `idle()` waits for running executions. */
  approvals: ApprovalEngine;
}

export function buildApp(deps: AppDependencies): App {
  const { oauthUrl } = deps.config.identity;
  const adapter = createAdapter(
    deps.config.bot,
    deps.logger,
    oauthUrl ? withTokenService(oauthUrl, deps.botAuthentication) : deps.botAuthentication,
  );
  const identity: IdentityTokens = deps.identity ?? {
    mode: deps.config.identity.mode,
    tokens: noTokenProvider,
  };
  // Every Partner Center call passes the caller's customer scope, then the GDAP pre-flight.
  const partnerCenter = scopeToCustomers(
    guardGdap(deps.partnerCenter, deps.gdap, deps.logger),
    deps.store.audit,
  );
  const proactive = createProactiveMessenger(adapter, deps.config.bot.appId);
  const approvalDesk = new ApprovalDesk({ repository: deps.store.approvals, proactive, logger: deps.logger });
  const approvals = new ApprovalEngine({
    repository: deps.store.approvals,
    kinds: [
      suspensionKind(partnerCenter),
      reactivationKind(partnerCenter),
      privilegedResetKind(partnerCenter, () => generatePassword(deps.config.users.passwordLength)),
    ],
    audit: deps.store.audit,
    listener: approvalDesk,
    logger: deps.logger,
    expiryMs: deps.config.approvals.expiryMs,
    now: deps.now,
  });
  const customerIndex = new CustomerIndex(partnerCenter, deps.store.customerIndex, {
    logger: deps.logger,
  });
  const groupDirectory = createGroupDirectory(deps.config.graph, deps.assignments, deps.logger, {
    now: deps.now,
  });
  const conversationState = new ConversationState(deps.botStorage);
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  const { oauthConnectionName } = deps.config.identity;
  const signIn =
    identity.agents && oauthConnectionName
      ? new SignInFlow({
          connectionName: oauthConnectionName,
          agentTokens: identity.agents,
          pending: conversationState.createProperty<PendingCommands>('pendingSignIn'),
          logger: deps.logger,
        })
      : undefined;
  const support = {
    config: deps.config,
    store: deps.store,
    partnerCenter: partnerCenter,
    proactive,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  };
  const provisioningWatches = createProvisioningWatchJob(support);
  // Work done for no agent (checking watches) has an App+User identity only through a service account.
  const backgroundAppUser = identity.mode === 'service-account' || identity.backgroundTokens !== undefined;
  const services: RouteServices = {
    partnerCenter: partnerCenter,
    store: deps.store,
    proactive,
    approvals,
    approvalDesk,
    tickets: createTicketServices(support),
    provisioning: createProvisioningServices(support, backgroundAppUser),
    lookupSessions: new LookupSessions(conversationState.createProperty('lookupSessions')),
    customerIndex,
    users: createUserServices({
      partnerCenter: partnerCenter,
      store: deps.store,
      passwordLength: deps.config.users.passwordLength,
      logger: deps.logger,
      privilegedResets: privilegedResetAsker({ partnerCenter, approvals, desk: approvalDesk, proactive }),
    }),
    identity: {
      identity,
      oauthConnectionName,
      gdapPreflight: deps.gdap !== undefined,
      backgroundAppUser,
      signIn,
    },
  };
  dialogs.add(new LookupDialog(services.partnerCenter, services.lookupSessions, customerIndex));
  dialogs.add(new UsersDialog(services.users));
  dialogs.add(new UserOperationDialog(services.users));

  const authorizer = new Authorizer(
    {
      allowedTenantIds: deps.config.allowedTenantIds,
      requireTeamsChannel: deps.config.mode === 'production',
      assignments: deps.assignments,
      groups: groupDirectory?.membership,
    },
    deps.store.audit,
    deps.logger,
  );
  const routes = buildRouteTable(services);
  const router = new Router(
    routes.commands,
    routes.cardActions,
    authorizer,
    deps.store.audit,
    deps.logger,
    new InvokeDeadline({ logger: deps.logger }),
    signIn,
  );
  const bot = new HelpdeskBot(router, dialogs, conversationState, {
    customerSearch: new CustomerSearchExtension({
      authorizer,
      search: new QuickCustomerSearch(customerIndex, partnerCenter, {
        waitMs: deps.config.customerIndex.messageExtensionWaitMs,
        limit: COMPOSE_RESULTS,
      }),
      audit: deps.store.audit,
      logger: deps.logger,
    }),
    welcomer: new Welcomer({
      authorizer,
      welcomes: deps.store.welcomes,
      commands: () => router.commands,
      logger: deps.logger,
      now: deps.now,
    }),
    signIn,
  });
  const indexJob = customerIndexJob(customerIndex, deps.config.customerIndex.refreshIntervalMs);

  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger: deps.logger,
    readinessChecks: [
      { name: 'store', check: () => deps.store.ping() },
      { name: 'partnerCenter', check: () => partnerCenter.ping({ correlationId: randomUUID() }) },
      identityReadiness(identity),
    ],
  });
  const jobs = new JobScheduler(
    [
      indexJob,
      approvalSweepJob(approvals, deps.config.approvals.sweepIntervalMs),
      provisioningWatches,
      retentionJob(deps.store.retention, deps.config.retention.keepDays, deps.logger),
    ],
    deps.logger,
  );
  const release = async () => {
    // An approved change being carried out finishes (done or failed) before Partner Center and the store close.
    await approvals.idle();
    await groupDirectory?.close();
  };
  return { server, router, jobs, customerIndex, release, proactive, provisioningWatches, approvals };
}

/** /readyz `identity`: every token the identity mode needs can be had now, App+User ones with MFA. */
function identityReadiness(identity: IdentityTokens): ReadinessCheck {
  let summary: Record<string, unknown> | undefined;
  return {
    name: 'identity',
    check: async () => {
      const report = await identityReport(identity);
      summary = readinessSummary(report);
      if (!isHealthy(report)) throw new Error(`identity not healthy: ${JSON.stringify(summary)}`);
    },
    describe: () => summary,
  };
}
