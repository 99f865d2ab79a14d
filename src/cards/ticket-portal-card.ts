import type { Strings } from '../i18n/strings';
import type { TicketFormValues } from '../tickets/ticket-form';
import { type Field, field } from './fields';
import { type AdaptiveCard, cardByteLength, defineTemplate, maxCardBytes, renderCard } from './render-card';
import json from './templates/ticket-portal.json';

/**
 * When Partner Center does not offer service requests through its API (PC_NOT_AVAILABLE, or the legacy API
 * turned off): a link to the customer's service requests in the Partner Center portal, and everything the
 * agent typed, whole, to paste there. A long description in a wide script does not fit one Teams card:
 * it continues on further cards, so nothing typed is lost.
 */
export interface TicketPortalCardData {
  companyName: string;
  /** The portal page of the customer's service requests (built by the server from configuration). */
  portalUrl: string;
  /** What the agent typed, when there is something to keep. */
  typed?: { values: TicketFormValues; topicName?: string; severityName?: string };
}

/** Description pieces, in code points: each one a TextRun under the renderer's clipping length. */
export const descriptionPartLength = 1000;
/** Room kept under the Teams limit for what the estimate does not count. */
const safetyBytes = 2048;

interface TicketPortalView {
  header?: { title: string; text: string; openPortal: string; portalUrl: string };
  continued?: string;
  typedHeading?: string;
  fields: Field[];
  descriptionLabel?: string;
  descriptionParts: string[];
}

const template = defineTemplate<TicketPortalView>('ticketPortal', json);

export function descriptionParts(description: string): string[] {
  const codePoints = Array.from(description);
  const parts: string[] = [];
  for (let start = 0; start < codePoints.length; start += descriptionPartLength) {
    parts.push(codePoints.slice(start, start + descriptionPartLength).join(''));
  }
  return parts;
}

function typedFields(typed: NonNullable<TicketPortalCardData['typed']>, text: Strings): Field[] {
  const { values } = typed;
  const rows: [string, string][] = [
    [text.t('ticket.form.topic.label'), typed.topicName ?? values.topicId],
    [text.t('ticket.form.severity.label'), typed.severityName ?? values.severity],
    [text.t('ticket.form.title.label'), values.title],
    [text.t('ticket.form.contactName.label'), values.contactName],
    [text.t('ticket.form.contactEmail.label'), values.contactEmail],
    [text.t('ticket.form.contactPhone.label'), values.contactPhone],
  ];
  return rows.filter(([, value]) => value.trim() !== '').map(([label, value]) => field(label, value));
}

/** Splits the parts over cards whose size stays under the limit, the first one holding `firstBudget` bytes. */
function pack(parts: readonly string[], firstBudget: number, laterBudget: number): string[][] {
  const cards: string[][] = [[]];
  let room = firstBudget;
  for (const part of parts) {
    const bytes = Buffer.byteLength(JSON.stringify(part), 'utf8') + 48;
    const current = cards[cards.length - 1] as string[];
    if (bytes > room && current.length > 0) {
      cards.push([part]);
      room = laterBudget - bytes;
    } else {
      current.push(part);
      room -= bytes;
    }
  }
  return cards;
}

export function ticketPortalCards(data: TicketPortalCardData, text: Strings): AdaptiveCard[] {
  const header = {
    title: text.t('ticket.portal.title'),
    text: data.typed ? text.t('ticket.portal.textTyped') : text.t('ticket.portal.text'),
    openPortal: text.t('ticket.portal.open', { companyName: data.companyName }),
    portalUrl: data.portalUrl,
  };
  if (!data.typed) return [renderCard(template, { header, fields: [], descriptionParts: [] })];

  const parts = descriptionParts(data.typed.values.description);
  const first: TicketPortalView = {
    header,
    typedHeading: text.t('ticket.portal.typed'),
    fields: typedFields(data.typed, text),
    descriptionLabel: parts.length > 0 ? text.t('ticket.form.description.label') : undefined,
    descriptionParts: [],
  };
  const continued = (index: number, total: number): TicketPortalView => ({
    continued: text.t('ticket.portal.continued', { part: index + 1, total }),
    fields: [],
    descriptionParts: [],
  });
  // Field values were validated (title ≤ 255 …); they are shown whole, like the description.
  const limits = { maxTextLength: descriptionPartLength };
  const budget = (view: TicketPortalView) =>
    maxCardBytes - safetyBytes - cardByteLength(renderCard(template, view, limits));
  const groups = pack(parts, budget(first), budget(continued(1, 99)));
  return groups.map((group, index) =>
    renderCard(
      template,
      index === 0
        ? { ...first, descriptionParts: group }
        : { ...continued(index, groups.length), descriptionParts: group },
      limits,
    ),
  );
}
