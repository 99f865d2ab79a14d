import type { ServiceRequest } from '../api/models';

/**
 * Reading service requests (pure): their dates, their order, and what the API lets an agent do next
 * (reference §3.10, D4-D6).
 */

/**
 * A service-request date, or undefined when it is unset (`0001-01-01T00:00:00`) or unreadable. Documented
 * dates sometimes lack a zone (`2015-11-24T01:07:00.863`): they are UTC.
 */
export function serviceRequestDate(value: string | undefined): Date | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Newest first by creation date; requests without one last; ties by id, highest first. */
export function newestFirst(requests: readonly ServiceRequest[]): ServiceRequest[] {
  const time = (request: ServiceRequest) => serviceRequestDate(request.createdDate)?.getTime() ?? -Infinity;
  return [...requests].sort((a, b) => time(b) - time(a) || b.id.localeCompare(a.id));
}

/** Closing is a status change the API allows from open, attention_needed (and the create answer's none). */
export function canClose(request: ServiceRequest): boolean {
  return request.status !== 'closed';
}

/** A 15-digit Partner Center service request id (the docs call it a GUID, the examples show digits). */
export const serviceRequestIdPattern = /^\d{1,20}$/;
