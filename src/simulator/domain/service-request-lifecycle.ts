import { isoSeconds } from '../clock';
import type { ServiceRequestRecord, ServiceRequestStatus } from '../data/records';
import { errors } from '../protocol/errors';

/**
 * Service request states (reference §3.10): open ⇄ attention_needed; open | attention_needed → closed
 * (sets lastClosedDate); closed → open. A request created through the API starts as open.
 */
const transitions: Readonly<Record<ServiceRequestStatus, readonly ServiceRequestStatus[]>> = {
  none: ['open', 'attention_needed', 'closed'],
  open: ['attention_needed', 'closed'],
  attention_needed: ['open', 'closed'],
  closed: ['open'],
};

export function changeStatus(request: ServiceRequestRecord, to: ServiceRequestStatus, now: Date): void {
  if (to === request.status) return;
  if (!transitions[request.status].includes(to)) {
    throw errors.invalidProperty(`status cannot change from ${request.status} to ${to}`);
  }
  request.status = to;
  if (to === 'closed') request.lastClosedDate = isoSeconds(now);
}

export function addNote(request: ServiceRequestRecord, text: string, createdByName: string, now: Date): void {
  request.notes.push({ createdByName, createdDate: isoSeconds(now), text });
}
