import type { Strings } from '../i18n/strings';
import type { ValidTicket } from './ticket-form';

/**
 * The customer context of a new service request. The create call has no customer field (reference D3):
 * requests are filed by the partner. The documented way to add information is the request's notes, so the
 * customer, the customer's contact and the agent travel as one note, written for Microsoft support.
 */
export interface TicketCustomer {
  id: string;
  companyName: string;
  domain?: string;
}

export function customerContextNote(
  customer: TicketCustomer,
  contact: ValidTicket['contact'],
  agentName: string | undefined,
  text: Strings,
): string {
  const lines = [
    text.t('ticket.note.customer', {
      companyName: customer.companyName,
      tenantId: customer.id,
      domain: customer.domain ?? '—',
    }),
  ];
  if (contact) {
    const parts = [contact.name, contact.email, contact.phone].filter((part) => part !== undefined);
    lines.push(text.t('ticket.note.contact', { contact: parts.join(', ') }));
  }
  if (agentName) lines.push(text.t('ticket.note.agent', { agent: agentName }));
  return lines.join('\n');
}
