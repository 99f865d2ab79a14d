import type { Strings } from '../i18n/strings';
import type { AuditOutcome, AuditQuery, AuditRecord } from '../store/store';
import { clip } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/audit.json';

/** The most rows one audit card holds; with long values in any script the card stays under the Teams limit. */
export const maxAuditRows = 10;
/** The longest value an audit row shows, in code points (ids and verbs are shorter). */
const maxAuditTextLength = 60;

export type AuditFilters = Pick<AuditQuery, 'since' | 'until' | 'customerId' | 'actorId' | 'action'>;

export interface AuditCardData {
  /** One page, newest first, at most `maxAuditRows`. */
  records: readonly AuditRecord[];
  filters: AuditFilters;
  /** Set only when older entries exist: the "Older entries" button carries it. */
  nextCursor?: string;
}

type OutcomeColor = 'Default' | 'Good' | 'Warning' | 'Attention';

interface AuditRowView {
  at: string;
  action: string;
  outcome: string;
  outcomeColor: OutcomeColor;
  actor: string;
  customer?: string;
  reference: string;
}

interface AuditView {
  title: string;
  filters: string;
  empty?: string;
  rows: AuditRowView[];
  more?: { title: string; cursor: string };
}

const template = defineTemplate<AuditView>('audit', json);

const outcomeColors: Readonly<Record<AuditOutcome, OutcomeColor>> = {
  allowed: 'Default',
  succeeded: 'Good',
  denied: 'Warning',
  failed: 'Attention',
};

const short = (value: string) => clip(value, maxAuditTextLength);

function filtersLine(filters: AuditFilters, text: Strings): string {
  const parts = [
    filters.since && text.t('audit.filter.since', { value: text.dateTime(filters.since) }),
    filters.until && text.t('audit.filter.until', { value: text.dateTime(filters.until) }),
    filters.customerId && text.t('audit.filter.customer', { value: short(filters.customerId) }),
    filters.actorId && text.t('audit.filter.actor', { value: short(filters.actorId) }),
    filters.action && text.t('audit.filter.action', { value: short(filters.action) }),
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0
    ? text.t('audit.filters', { filters: parts.join(text.t('list.separator')) })
    : text.t('audit.filters.none');
}

function auditRow(record: AuditRecord, text: Strings): AuditRowView {
  const id = short(record.actorId);
  return {
    at: text.dateTime(record.at),
    action: short(record.action),
    outcome: text.t(`audit.outcome.${record.outcome}`),
    outcomeColor: outcomeColors[record.outcome],
    actor: record.actorName
      ? text.t('audit.row.actorNamed', { name: short(record.actorName), id })
      : text.t('audit.row.actor', { id }),
    customer: record.customerId
      ? text.t('audit.row.customer', { customer: short(record.customerId) })
      : undefined,
    reference: text.t('audit.row.reference', { correlationId: short(record.correlationId) }),
  };
}

export function auditCard(data: AuditCardData, text: Strings): AdaptiveCard {
  if (data.records.length > maxAuditRows) {
    throw new RangeError(`An audit card holds at most ${maxAuditRows} rows`);
  }
  return renderCard(template, {
    title: text.t('audit.title'),
    filters: filtersLine(data.filters, text),
    empty: data.records.length === 0 ? text.t('audit.empty') : undefined,
    rows: data.records.map((record) => auditRow(record, text)),
    more: data.nextCursor ? { title: text.t('audit.more'), cursor: data.nextCursor } : undefined,
  });
}
