import { ticketCreatedCard } from '../../src/cards/ticket-created-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const customerId = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const draftId = '0b6f4f4e-5d3c-4c1a-9a51-2f8f3f0d7a11';

describe('ticket created card', () => {
  it('shows the request id, status, severity, topic, title and creation time; Open carries the customer and the form', () => {
    const card = ticketCreatedCard(
      {
        request: {
          id: '616122292874576',
          status: 'open',
          severity: 'critical',
          supportTopicName: 'Cannot manage my profile',
          title: 'TrialSR',
          createdDate: '2016-12-22T20:31:17.24Z',
        },
        companyName: 'Contoso190',
        customerId,
        draftId,
      },
      text,
    );
    const runs = textRuns(card);
    expect(runs.slice(0, 2)).toEqual([
      'Service request 616122292874576 created',
      'For Contoso190. Microsoft support answers through Partner Center.',
    ]);
    expect(runs).toEqual(
      expect.arrayContaining([
        '616122292874576',
        'Open',
        'Critical',
        'Cannot manage my profile',
        'TrialSR',
        'Created',
      ]),
    );
    expect(nodesOfType(card, 'TextBlock').map((block) => block.text)).toEqual(['Dec 22, 2016, 8:31 PM UTC']);
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      { verb: 'ticket.open', data: { serviceRequestId: '616122292874576', customerId, draftId } },
    ]);
  });

  it('reads the documented create answer: status none, unset dates, no topic name (taken from the form)', () => {
    const card = ticketCreatedCard(
      {
        request: {
          id: '616122292874576',
          status: 'none',
          severity: 'critical',
          createdDate: '0001-01-01T00:00:00',
        },
        companyName: 'Contoso190',
        customerId,
        draftId,
        topicName: 'Cannot manage my profile',
      },
      text,
    );
    expect(textRuns(card)).toEqual(
      expect.arrayContaining(['Submitted', 'Cannot manage my profile', 'Not set yet']),
    );
    expect(nodesOfType(card, 'TextBlock')).toEqual([]);
  });
});
