import type { ServiceRequest } from '../../src/api/models';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { maxTicketRows, ticketListCard } from '../../src/cards/ticket-list-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, textRuns } from './card-tree';
import { sampleServiceRequest } from './sample-cards';

const text = strings('en-US');
const dakota = { customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f', companyName: 'Dakota mall' };
const waiting: ServiceRequest = {
  id: '617290345512881',
  title: 'Mailbox migration stuck',
  severity: 'moderate',
  supportTopicName: 'Exchange Online',
  status: 'attention_needed',
  createdDate: '2024-02-12T09:15:00Z',
};

describe('ticket list card', () => {
  it('shows each request with title, status, id, severity and topic, and a Details button carrying the customer', () => {
    const card = ticketListCard({ ...dakota, requests: [waiting], canCreate: true }, text);
    expect(textRuns(card)).toEqual([
      'Service requests of Dakota mall',
      'Newest first: 1.',
      'Mailbox migration stuck',
      ' · ',
      'Waiting for you',
      '617290345512881',
      ' · Moderate · Exchange Online',
    ]);
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      {
        verb: 'ticket.open',
        data: { serviceRequestId: '617290345512881', customerId: dakota.customerId },
      },
      { verb: 'customer.newTicket', data: { customerId: dakota.customerId } },
    ]);
  });

  it('makes a request waiting for the partner stand out, and shows integer-enum requests by their names', () => {
    const card = ticketListCard(
      {
        ...dakota,
        requests: [waiting, { id: '615112491169010', title: 'Test', status: 'open', severity: 'unknown' }],
        canCreate: false,
      },
      text,
    );
    expect(JSON.stringify(card)).toContain('"text":"Waiting for you","color":"Attention"');
    expect(textRuns(card)).toContain(' · Unknown · —');
    expect(executeActions(card).map((button) => button.verb)).not.toContain('customer.newTicket');
  });

  it('says when there are none', () => {
    expect(textRuns(ticketListCard({ ...dakota, requests: [], canCreate: true }, text))).toContain(
      'Partner Center lists no service requests for this customer.',
    );
  });

  it(`shows the newest ${maxTicketRows} and fits Teams with the longest values in 4-byte characters`, () => {
    const huge = '😀'.repeat(1000);
    const requests = Array.from({ length: maxTicketRows + 3 }, () =>
      sampleServiceRequest(huge, '616122292874576'),
    );
    const card = ticketListCard({ ...dakota, requests, canCreate: true }, text);
    expect(textRuns(card)[1]).toBe(`The newest ${maxTicketRows} of ${maxTicketRows + 3}.`);
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
  });
});
