import type { ServiceRequest } from '../api/models';
import type { Strings } from '../i18n/strings';
import { serviceRequestDate } from '../tickets/service-requests';
import { clip } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/ticket-list.json';
import { severityLabel, statusColor, statusLabel } from './ticket-labels';

/** `tickets <customer>`: the customer's service requests, newest first, each with its status and a Details button. */
export interface TicketListCardData {
  customerId: string;
  companyName: string;
  /** Newest first; the card shows at most `maxTicketRows`. */
  requests: readonly ServiceRequest[];
  /** Whether the caller may create tickets (the "New ticket" button). */
  canCreate: boolean;
}

export const maxTicketRows = 12;
/** Text in a row and in the title is clipped so that a full list of the longest values fits Teams. */
const maxRowText = 80;
const maxCompanyNameLength = 100;

interface TicketRowView {
  title: string;
  separator: string;
  status: string;
  statusColor: string;
  id: string;
  details: string;
  at?: string;
  serviceRequestId: string;
}

interface TicketListView {
  /** Carried by every row's button, with the request id: the customer the list is of. */
  customerId: string;
  title: string;
  shown: string;
  empty?: string;
  open: string;
  rows: TicketRowView[];
  newTicket?: { title: string; customerId: string };
}

const template = defineTemplate<TicketListView>('ticketList', json);

export function ticketListCard(data: TicketListCardData, text: Strings): AdaptiveCard {
  const rows = data.requests.slice(0, maxTicketRows);
  const total = data.requests.length;
  return renderCard(template, {
    customerId: data.customerId,
    title: text.t('tickets.title', { companyName: clip(data.companyName, maxCompanyNameLength) }),
    shown:
      total > rows.length
        ? text.t('tickets.shownNewest', { count: rows.length, total })
        : text.t('tickets.shown', { count: total }),
    empty: total === 0 ? text.t('tickets.empty') : undefined,
    open: text.t('ticket.action.open'),
    rows: rows.map((request) => {
      const created = serviceRequestDate(request.createdDate);
      return {
        title: clip(request.title || text.t('ticket.untitled'), maxRowText),
        separator: text.t('tickets.separator'),
        status: statusLabel(request.status, text),
        statusColor: statusColor(request.status),
        id: clip(request.id, 64),
        details: text.t('tickets.row.details', {
          severity: severityLabel(request.severity, text),
          topic: clip(request.supportTopicName ?? request.supportTopicId ?? '—', maxRowText),
        }),
        at: created && text.dateTime(created),
        serviceRequestId: request.id,
      };
    }),
    newTicket: data.canCreate
      ? { title: text.t('ticket.action.new'), customerId: data.customerId }
      : undefined,
  });
}
