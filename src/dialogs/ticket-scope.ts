import { scopeAllows } from '../auth/customer-scope';
import type { HandlerTurn } from '../bot/routes';
import { callContextOf } from '../bot/turn-info';
import type { ServiceRequestActionData } from '../cards';
import { AppError } from '../errors';
import type { TicketServices } from './ticket-form-flow';

/**
 * Service requests under customer-scoped roles. Partner Center reads and changes a request by its id alone
 * (reference D5, D6), so the customer-scope guard on the client cannot tell whose request it is. For a caller
 * whose role covers only some customers, a by-id action must therefore name the customer its card was reached
 * from, that customer must be in the caller's scope, and the request must be one of that customer's: in its list
 * (D4), or created for it by this bot's new-ticket form (Partner Center files those under the partner, so they
 * are not in the list). Anything else is refused with CUSTOMER_NOT_ALLOWED, and the refusal is audited as the
 * guard audits its own. Callers whose role covers every customer are not checked and cost no extra call.
 */

export type TicketTarget = Pick<ServiceRequestActionData, 'serviceRequestId' | 'customerId' | 'draftId'>;

/** Whether the caller's role for the route being run covers only some customers. */
export function isCustomerScoped(turn: HandlerTurn): boolean {
  return turn.info.customerAccess !== undefined;
}

/** Before reading or changing a request by id: returns when the caller may, throws CUSTOMER_NOT_ALLOWED otherwise. */
export async function requireTicketInScope(
  turn: HandlerTurn,
  services: TicketServices,
  target: TicketTarget,
  operation: 'getServiceRequest' | 'updateServiceRequest',
): Promise<void> {
  const access = turn.info.customerAccess;
  if (!access) return;
  const { serviceRequestId, customerId, draftId } = target;
  if (!customerId || !scopeAllows(access.scope, customerId)) {
    return refuse(turn, services, { customerId, serviceRequestId, operation });
  }
  if (draftId && (await createdHereFor(services, draftId, customerId, serviceRequestId))) return;
  const requests = await services.partnerCenter.listServiceRequests(callContextOf(turn.info), customerId);
  if (requests.some((request) => request.id === serviceRequestId)) return;
  return refuse(turn, services, { customerId, serviceRequestId, operation });
}

/** Before acting for a customer named by server-side state (a new-ticket form): the same refusal. */
export async function requireCustomerInScope(
  turn: HandlerTurn,
  services: TicketServices,
  customerId: string,
  operation: 'createServiceRequest' | 'getServiceRequest',
): Promise<void> {
  const access = turn.info.customerAccess;
  if (access && !scopeAllows(access.scope, customerId)) {
    await refuse(turn, services, { customerId, operation });
  }
}

/** The audit row of a refusal, as the customer-scope guard writes it (`authorize:<route>`, denied). */
export async function auditCustomerRefusal(
  turn: HandlerTurn,
  services: TicketServices,
  facts: { customerId?: string; serviceRequestId?: string; operation: string },
): Promise<void> {
  const access = turn.info.customerAccess;
  await services.audit.append({
    actorId: access?.actor.aadObjectId ?? turn.info.caller.aadObjectId ?? 'unknown',
    actorName: access?.actor.name ?? turn.info.caller.name,
    roles: [...(access?.actor.roles ?? turn.roles)],
    action: `authorize:${access?.action ?? facts.operation}`,
    outcome: 'denied',
    customerId: facts.customerId,
    correlationId: turn.info.correlationId,
    details: {
      permission: access?.permission,
      reason: 'CUSTOMER_NOT_ALLOWED',
      operation: facts.operation,
      ...(facts.serviceRequestId ? { serviceRequestId: facts.serviceRequestId } : {}),
    },
  });
}

async function createdHereFor(
  services: TicketServices,
  draftId: string,
  customerId: string,
  serviceRequestId: string,
): Promise<boolean> {
  const created = await services.drafts.created(draftId);
  return (
    created !== undefined &&
    created.result === serviceRequestId &&
    created.facts.customerId?.toLowerCase() === customerId.toLowerCase()
  );
}

async function refuse(
  turn: HandlerTurn,
  services: TicketServices,
  facts: { customerId?: string; serviceRequestId?: string; operation: string },
): Promise<never> {
  await auditCustomerRefusal(turn, services, facts);
  throw new AppError(
    'CUSTOMER_NOT_ALLOWED',
    facts.serviceRequestId
      ? `Service request ${facts.serviceRequestId} is not one of a customer in the caller's scope`
      : `Customer ${facts.customerId} is outside the caller's scope`,
    { ...facts, permission: turn.info.customerAccess?.permission },
  );
}
