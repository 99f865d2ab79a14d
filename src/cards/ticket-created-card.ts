import type { ServiceRequest } from '../api/models';
import type { Strings } from '../i18n/strings';
import { serviceRequestDate } from '../tickets/service-requests';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/ticket-created.json';
import { severityLabel, statusLabel } from './ticket-labels';

/** After `new ticket`: the request id, status, severity, topic and creation time Partner Center answered. */
export interface TicketCreatedCardData {
  request: ServiceRequest;
  companyName: string;
  /** The customer it was filed for, and the form's submission id: with the request id, what "Open" carries. */
  customerId: string;
  draftId: string;
  /** The topic's name from the topic list, when the answer has none (the documented create answer has none). */
  topicName?: string;
}

interface TicketCreatedView {
  title: string;
  subtitle: string;
  fields: Field[];
  dates: { label: string; at: string }[];
  where: string;
  open: string;
  serviceRequestId: string;
  customerId: string;
  draftId: string;
}

const template = defineTemplate<TicketCreatedView>('ticketCreated', json);

export function ticketCreatedCard(data: TicketCreatedCardData, text: Strings): AdaptiveCard {
  const { request } = data;
  const created = serviceRequestDate(request.createdDate);
  const topic = request.supportTopicName ?? data.topicName ?? request.supportTopicId;
  const fields = [
    idField(text.t('ticket.field.id'), request.id),
    field(text.t('ticket.field.status'), statusLabel(request.status, text)),
    field(text.t('ticket.field.severity'), severityLabel(request.severity, text)),
  ];
  if (topic) fields.push(field(text.t('ticket.field.topic'), topic));
  if (request.title) fields.push(field(text.t('ticket.field.title'), request.title));
  if (!created) fields.push(field(text.t('ticket.field.created'), text.t('ticket.date.notYet')));
  return renderCard(template, {
    title: text.t('ticket.created.title', { id: request.id }),
    subtitle: text.t('ticket.created.subtitle', { companyName: data.companyName }),
    fields,
    dates: created ? [{ label: text.t('ticket.field.created'), at: text.dateTime(created) }] : [],
    where: text.t('ticket.created.where', { id: request.id }),
    open: text.t('ticket.action.open'),
    serviceRequestId: request.id,
    customerId: data.customerId,
    draftId: data.draftId,
  });
}
