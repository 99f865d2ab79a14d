/**
 * The partner's activity log (reference §3.12, E1): one record per successful write, newest last.
 */
export interface AuditRecord {
  id: string;
  partnerId: string;
  customerId?: string;
  customerName?: string;
  userPrincipalName: string;
  applicationId?: string;
  resourceType: string;
  /** JSON strings, as documented. */
  resourceOldValue?: string;
  resourceNewValue?: string;
  operationType: string;
  operationDate: string;
  operationStatus: 'succeeded' | 'failed' | 'progress';
  originalCorrelationId: string;
  sessionId: string;
  customizedData: { key: string; value: string }[];
}

export class AuditLog {
  private readonly records: AuditRecord[];

  constructor(seed: readonly AuditRecord[]) {
    this.records = seed.map((record) => structuredClone(record));
  }

  append(record: AuditRecord): void {
    this.records.push(record);
  }

  /** Records with from <= operationDate < to, oldest first. */
  between(from: Date, to: Date): AuditRecord[] {
    return this.records
      .filter((record) => {
        const at = Date.parse(record.operationDate);
        return at >= from.getTime() && at < to.getTime();
      })
      .sort((a, b) => Date.parse(a.operationDate) - Date.parse(b.operationDate));
  }
}
