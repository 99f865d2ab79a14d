import type { PartnerCenter } from '../api/partner-center';
import type { ApprovalEngine } from '../approvals/approval-engine';
import type { CustomerIndex } from '../customers/customer-index';
import type { ApprovalDesk } from '../dialogs/approval-desk';
import type { LookupSessions } from '../dialogs/lookup-sessions';
import type { ProvisioningServices } from '../dialogs/subscription-views';
import type { TicketServices } from '../dialogs/ticket-form-flow';
import type { UserServices } from '../dialogs/user-services';
import type { Store } from '../store/store';
import type { ProactiveMessenger } from './proactive';
import type { CardActionRoute, CommandRoute } from './routes';
import { type ApprovalRouteServices, approvalCardActions, approvalCommands } from './routes/approvals';
import { auditCardActions, auditCommands } from './routes/audit';
import { customerCardActions, customerCommands } from './routes/customers';
import { generalCommands } from './routes/general';
import { type IdentityRouteServices, identityCommands } from './routes/identity';
import { subscriptionCardActions, subscriptionCommands } from './routes/subscriptions';
import { ticketCardActions, ticketCommands } from './routes/tickets';
import { userCardActions, userCommands } from './routes/users';

/**
 * The route table: every text command and card verb, the permission it needs, and its handler,
 * collected from one module per feature (src/bot/routes/). The router checks the permission from the
 * caller's validated identity before any handler runs.
 */

export interface RouteServices {
  partnerCenter: PartnerCenter;
  store: Store;
  proactive: ProactiveMessenger;
  approvals: ApprovalEngine;
  approvalDesk: ApprovalDesk;
  /** Service requests: topics, drafts and notes submitted once, the portal fallback. */
  tickets: TicketServices;
  /** Subscriptions, provisioning status and "Notify me when ready" watches. */
  provisioning: ProvisioningServices;
  lookupSessions: LookupSessions;
  /** Every customer, searched by `lookup` and its "Show more". */
  customerIndex: CustomerIndex;
  /** Customer users: lists, password resets and restores. */
  users: UserServices;
  /** The bot's Partner Center identity: `doctor`, `signout`. */
  identity: IdentityRouteServices;
}

export interface RouteTable {
  commands: CommandRoute[];
  cardActions: CardActionRoute[];
}

function approvalServices(services: RouteServices): ApprovalRouteServices {
  return {
    partnerCenter: services.partnerCenter,
    approvals: services.approvals,
    desk: services.approvalDesk,
    proactive: services.proactive,
    repository: services.store.approvals,
  };
}

export function buildRouteTable(services: RouteServices): RouteTable {
  const commands: CommandRoute[] = [
    ...generalCommands(() => commands),
    ...customerCommands(),
    ...userCommands(),
    ...auditCommands(services.store.audit),
    ...ticketCommands(services.tickets),
    ...subscriptionCommands(services.provisioning),
    ...approvalCommands(approvalServices(services)),
    ...identityCommands(services.identity),
  ];
  const cardActions: CardActionRoute[] = [
    ...customerCardActions(services),
    ...userCardActions(services.users),
    ...auditCardActions(services.store.audit),
    ...ticketCardActions(services.tickets),
    ...subscriptionCardActions(services.provisioning),
    ...approvalCardActions(approvalServices(services)),
  ];
  return { commands, cardActions };
}
