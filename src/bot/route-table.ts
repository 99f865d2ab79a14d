import type { PartnerCenter } from '../api/partner-center';
import type { ApprovalEngine } from '../approvals/approval-engine';
import type { ApprovalDesk } from '../dialogs/approval-desk';
import type { LookupSessions } from '../dialogs/lookup-sessions';
import type { Store } from '../store/store';
import type { ProactiveMessenger } from './proactive';
import type { CardActionRoute, CommandRoute } from './routes';
import { type ApprovalRouteServices, approvalCardActions, approvalCommands } from './routes/approvals';
import { auditCardActions, auditCommands } from './routes/audit';
import { customerCardActions, customerCommands } from './routes/customers';
import { generalCommands } from './routes/general';

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
  lookupSessions: LookupSessions;
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
    ...auditCommands(services.store.audit),
    ...approvalCommands(approvalServices(services)),
  ];
  const cardActions: CardActionRoute[] = [
    ...customerCardActions(services),
    ...auditCardActions(services.store.audit),
    ...approvalCardActions(approvalServices(services)),
  ];
  return { commands, cardActions };
}
