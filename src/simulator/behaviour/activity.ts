import type { AuditRecord } from '../data/audit-log';
import { partnerOrganization } from '../data/seed-data';
import type { AuditEntry } from '../route';
import type { IdSource } from '../runtime-ids';
import type { Caller } from './auth';

/** The activity-log record of a successful write (reference §3.12). Values are stored as JSON strings. */
export function activityRecord(
  entry: AuditEntry,
  context: { caller: Caller; correlationId: string; now: Date; ids: IdSource },
): AuditRecord {
  const { caller } = context;
  return {
    id: context.ids.guid(),
    partnerId: partnerOrganization.id,
    customerId: entry.customer?.id,
    customerName: entry.customer?.companyName,
    userPrincipalName: caller.userPrincipalName ?? caller.displayName,
    applicationId: caller.applicationId,
    resourceType: entry.resourceType,
    resourceOldValue: entry.oldValue === undefined ? undefined : JSON.stringify(entry.oldValue),
    resourceNewValue: entry.newValue === undefined ? undefined : JSON.stringify(entry.newValue),
    operationType: entry.operationType,
    operationDate: context.now.toISOString(),
    operationStatus: 'succeeded',
    originalCorrelationId: context.correlationId,
    sessionId: context.ids.guid(),
    customizedData: entry.customizedData ?? [],
  };
}
