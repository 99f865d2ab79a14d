import type { ServiceRequest } from '../api/models';
import type { Strings } from '../i18n/strings';
import { canClose, serviceRequestDate } from '../tickets/service-requests';
import { clip } from './clip';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/ticket-details.json';
import { severityLabel, statusColor, statusLabel } from './ticket-labels';

/**
 * `ticket <id>`: one service request with its description and latest notes; for agents, a note box with
 * "Add note" and, while it is not closed, "Close" (both PATCH the request, reference D6).
 */
export interface TicketDetailsCardData {
  request: ServiceRequest;
  /**
   * Where the card was reached from, carried by its buttons with the request id: the customer (from a customer's
   * list, or a request created for one) and, for a request this bot created, the new-ticket form's submission.
   */
  origin?: TicketOrigin;
  /** Set when the caller may update the request: the id of the note form's submission. */
  noteSubmissionId?: string;
  /** What the note box held when the card is shown again (an empty note was refused). */
  note?: { value: string; error?: string };
  /** A line above the card: the result of the last button. */
  banner?: { style: 'good' | 'warning' | 'attention' | 'accent'; text: string };
}

export interface TicketOrigin {
  customerId: string;
  draftId?: string;
}

/** The latest notes shown, each clipped, so the card stays under the Teams limit with text in any script. */
export const maxNotesShown = 8;
const maxNoteText = 300;
const maxDescriptionText = 1000;
export const maxNoteLength = 4000;

interface TicketDetailsView {
  banner?: { style: string; text: string };
  title: string;
  status: string;
  statusColor: string;
  fields: Field[];
  dates: { label: string; at: string }[];
  description?: { heading: string; text: string };
  notesHeading: string;
  notes: { author: string; at?: string; text: string }[];
  noteInput?: { label: string; placeholder: string; value: string; error?: string };
  addNote?: { title: string; submissionId: string };
  close?: string;
  refresh: string;
  serviceRequestId: string;
  /** `''` when the card was not reached from a customer (or not created here). */
  customerId: string;
  draftId: string;
}

const template = defineTemplate<TicketDetailsView>('ticketDetails', json);

function dates(request: ServiceRequest, text: Strings): { label: string; at: string }[] {
  const rows: [string, string | undefined][] = [
    [text.t('ticket.field.created'), request.createdDate],
    [text.t('ticket.field.modified'), request.lastModifiedDate],
    [text.t('ticket.field.closed'), request.lastClosedDate],
  ];
  return rows.flatMap(([label, value]) => {
    const date = serviceRequestDate(value);
    return date ? [{ label, at: text.dateTime(date) }] : [];
  });
}

export function ticketDetailsCard(data: TicketDetailsCardData, text: Strings): AdaptiveCard {
  const { request } = data;
  const fields = [
    idField(text.t('ticket.field.id'), clip(request.id, 64)),
    field(text.t('ticket.field.severity'), severityLabel(request.severity, text)),
  ];
  const topic = request.supportTopicName ?? request.supportTopicId;
  if (topic) fields.push(field(text.t('ticket.field.topic'), clip(topic, 200)));
  if (request.productName) fields.push(field(text.t('ticket.field.product'), clip(request.productName, 200)));
  const notes = request.notes ?? [];
  const latest = notes.slice(-maxNotesShown).reverse();
  const writable = data.noteSubmissionId !== undefined;
  return renderCard(
    template,
    {
      banner: data.banner,
      title: clip(request.title || text.t('ticket.untitled'), 255),
      status: statusLabel(request.status, text),
      statusColor: statusColor(request.status),
      fields,
      dates: dates(request, text),
      description: request.description
        ? { heading: text.t('ticket.field.description'), text: clip(request.description, maxDescriptionText) }
        : undefined,
      notesHeading:
        notes.length === 0
          ? text.t('ticket.notes.none')
          : notes.length > latest.length
            ? text.t('ticket.notes.latest', { count: latest.length, total: notes.length })
            : text.t('ticket.notes.all', { count: notes.length }),
      notes: latest.map((note) => {
        const at = serviceRequestDate(note.createdDate);
        return {
          author: clip(note.createdByName || text.t('ticket.notes.unknownAuthor'), 100),
          at: at && text.dateTime(at),
          text: clip(note.text, maxNoteText),
        };
      }),
      noteInput: writable
        ? {
            label: text.t('ticket.note.label'),
            placeholder: text.t('ticket.note.placeholder'),
            value: data.note?.value ?? '',
            error: data.note?.error,
          }
        : undefined,
      addNote: writable
        ? { title: text.t('ticket.action.addNote'), submissionId: data.noteSubmissionId as string }
        : undefined,
      close: writable && canClose(request) ? text.t('ticket.action.close') : undefined,
      refresh: text.t('ticket.action.refresh'),
      serviceRequestId: request.id,
      customerId: data.origin?.customerId ?? '',
      draftId: data.origin?.draftId ?? '',
    },
    { maxTextLength: maxNoteLength },
  );
}
