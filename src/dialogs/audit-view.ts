import { type AdaptiveCard, auditCard, maxAuditRows } from '../cards';
import type { Strings } from '../i18n/strings';
import type { AuditLog } from '../store/store';
import { type AuditFilterQuery, encodeAuditCursor } from './audit-filters';

/** One page of the audit log as a card, with a cursor to the older entries when there are more. */
export async function auditPageCard(
  audit: AuditLog,
  filters: AuditFilterQuery,
  before: string | undefined,
  text: Strings,
): Promise<{ card: AdaptiveCard; shown: number }> {
  const rows = await audit.query({ ...filters, before, limit: maxAuditRows + 1 });
  const page = rows.slice(0, maxAuditRows);
  const last = page[page.length - 1];
  const nextCursor = rows.length > maxAuditRows && last ? encodeAuditCursor(filters, last.id) : undefined;
  return { card: auditCard({ records: page, filters, nextCursor }, text), shown: page.length };
}
