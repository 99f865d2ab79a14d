import type { ServiceRequestSeverity, ServiceRequestStatus } from '../api/models';
import type { Strings } from '../i18n/strings';
import { clip } from './clip';

/** An enum value Partner Center added later is shown as sent, but never longer than this. */
const maxUnknownValue = 40;

/** How service-request statuses and severities read on the ticket cards; unknown values are shown as sent. */

export type StatusColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

const knownStatuses = ['none', 'open', 'closed', 'attention_needed'] as const;
const knownSeverities = ['unknown', 'minimal', 'moderate', 'critical'] as const;

export function statusLabel(status: ServiceRequestStatus | undefined, text: Strings): string {
  const value = status ?? 'none';
  return (knownStatuses as readonly string[]).includes(value)
    ? text.t(`ticket.status.${value as (typeof knownStatuses)[number]}`)
    : clip(value, maxUnknownValue);
}

/** Waiting on the partner stands out; closed is done. */
export function statusColor(status: ServiceRequestStatus | undefined): StatusColor {
  if (status === 'attention_needed') return 'Attention';
  if (status === 'closed') return 'Good';
  if (status === 'open') return 'Accent';
  return 'Default';
}

export function severityLabel(severity: ServiceRequestSeverity | undefined, text: Strings): string {
  const value = severity ?? 'unknown';
  return (knownSeverities as readonly string[]).includes(value)
    ? text.t(`ticket.severity.${value as (typeof knownSeverities)[number]}`)
    : clip(value, maxUnknownValue);
}
