import { PRIVILEGED_RESET, REACTIVATION, SUSPENSION } from '../approvals/approval-kind';
import { type ErrorCode, errorCatalog } from '../errors';
import { errorText, type StringKey, type Strings } from '../i18n/strings';
import type { ApprovalRequest } from '../store/approvals';
import { type Field, field, idField } from './fields';

/**
 * How an approval request reads, shared by the approval card, the list of pending requests and the
 * requester's outcome message: its kind, its facts, its timeline and where it stands.
 */

type KindText = 'suspend' | 'reactivate' | 'privilegedReset' | 'other';

const kindTexts: Readonly<Record<string, KindText>> = {
  [SUSPENSION]: 'suspend',
  [REACTIVATION]: 'reactivate',
  [PRIVILEGED_RESET]: 'privilegedReset',
};

function kindText(request: Pick<ApprovalRequest, 'kind'>): KindText {
  return kindTexts[request.kind] ?? 'other';
}

export function kindTitle(request: Pick<ApprovalRequest, 'kind'>, text: Strings): string {
  return text.t(`approval.kind.${kindText(request)}` as StringKey);
}

function fact(request: ApprovalRequest, name: string): string | undefined {
  const value = request.facts[name];
  return value === undefined ? undefined : String(value);
}

/** A fact that is a count (the licenses of a subscription), in the reader's digits. */
function countFact(request: ApprovalRequest, name: string, text: Strings): string | undefined {
  const value = request.facts[name];
  return typeof value === 'number' ? text.number(value) : fact(request, name);
}

export function partyName(party: { id: string; name?: string } | undefined, text: Strings): string {
  return party?.name ?? party?.id ?? text.t('identity.unknown');
}

/** What the request changes, in a few words: "Office 365 E3 (Sales) of Contoso". */
export function requestSummary(request: ApprovalRequest, text: Strings): string {
  const target =
    subscriptionLabel(request, text) ?? fact(request, 'userPrincipalName') ?? request.targetUserId;
  const customer = fact(request, 'companyName') ?? request.customerId;
  return [kindTitle(request, text), target, customer].filter((part) => part !== undefined).join(' · ');
}

function subscriptionLabel(request: ApprovalRequest, text: Strings): string | undefined {
  const offer = fact(request, 'offerName');
  if (!offer) return undefined;
  const name = fact(request, 'friendlyName');
  return name && name !== offer ? text.t('approval.field.subscriptionNamed', { offer, name }) : offer;
}

export function requestFields(request: ApprovalRequest, text: Strings): Field[] {
  const fields: Field[] = [
    field(text.t('approval.field.customer'), fact(request, 'companyName') ?? request.customerId),
    idField(text.t('approval.field.customerId'), request.customerId),
  ];
  const subscription = subscriptionLabel(request, text);
  if (subscription) fields.push(field(text.t('approval.field.subscription'), subscription));
  if (request.subscriptionId)
    fields.push(idField(text.t('approval.field.subscriptionId'), request.subscriptionId));
  const licenses = countFact(request, 'quantity', text);
  if (licenses) fields.push(field(text.t('approval.field.licenses'), licenses));
  const user = fact(request, 'userPrincipalName') ?? request.targetUserId;
  if (user) fields.push(field(text.t('approval.field.targetUser'), user));
  const roles = fact(request, 'roles');
  if (roles) fields.push(field(text.t('approval.field.adminRoles'), roles));
  fields.push(field(text.t('approval.field.requester'), partyName(request.requester, text)));
  if (request.reason) fields.push(field(text.t('approval.field.reason'), request.reason));
  if (request.comment && request.decidedBy) {
    fields.push(
      field(text.t('approval.field.comment', { name: partyName(request.decidedBy, text) }), request.comment),
    );
  }
  return fields;
}

export interface TimelineEntry {
  label: string;
  /** Date and time in the reader's locale and time zone. */
  at: string;
}

/** When it was asked, until when it waits, and who decided what when. */
export function requestTimeline(request: ApprovalRequest, text: Strings): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { label: text.t('approval.time.requested'), at: text.dateTime(request.createdAt) },
  ];
  if (request.status === 'pending') {
    entries.push({ label: text.t('approval.time.expires'), at: text.dateTime(request.expiresAt) });
  }
  if (request.decidedAt && request.decidedBy) {
    const name = partyName(request.decidedBy, text);
    const decision =
      request.status === 'rejected'
        ? text.t('approval.time.rejected', { name })
        : request.status === 'cancelled'
          ? text.t('approval.time.cancelled', { name })
          : text.t('approval.time.approved', { name });
    entries.push({ label: decision, at: text.dateTime(request.decidedAt) });
  }
  if (request.completedAt) {
    const label = request.status === 'expired' ? 'approval.time.expired' : 'approval.time.finished';
    entries.push({ label: text.t(label), at: text.dateTime(request.completedAt) });
  }
  return entries;
}

export type Viewer = 'approver' | 'requester' | 'observer';
export type StatusStyle = 'accent' | 'good' | 'warning' | 'attention' | 'emphasis';

function failureText(request: ApprovalRequest, text: Strings): string {
  if (request.errorCode === 'PC_STALE_ETAG') return text.t('approval.status.failed.stale');
  if (request.errorCode === 'INTERRUPTED') return text.t('approval.status.failed.interrupted');
  const code = request.errorCode ?? 'INTERNAL';
  const known = Object.hasOwn(errorCatalog, code) ? (code as ErrorCode) : 'INTERNAL';
  return text.t('approval.status.failed', { error: errorText(known, text) });
}

/** One sentence on where the request stands, as this viewer should read it. */
export function requestStatus(
  request: ApprovalRequest,
  viewer: Viewer,
  text: Strings,
): { text: string; style: StatusStyle } {
  switch (request.status) {
    case 'pending':
      return {
        text:
          viewer === 'requester'
            ? text.t('approval.status.pendingRequester')
            : viewer === 'approver'
              ? text.t('approval.status.pending')
              : text.t('approval.status.pendingObserver'),
        style: 'accent',
      };
    case 'approved':
    case 'executing':
      return { text: text.t('approval.status.executing'), style: 'accent' };
    case 'done':
      return { text: text.t(`approval.status.done.${kindText(request)}` as StringKey), style: 'good' };
    case 'failed':
      return { text: failureText(request, text), style: 'attention' };
    case 'rejected':
      return { text: text.t('approval.status.rejected'), style: 'warning' };
    case 'cancelled':
      return { text: text.t('approval.status.cancelled'), style: 'emphasis' };
    case 'expired':
      return { text: text.t('approval.status.expired'), style: 'emphasis' };
  }
}
