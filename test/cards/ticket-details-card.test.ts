import type { ServiceRequest } from '../../src/api/models';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { maxNotesShown, ticketDetailsCard } from '../../src/cards/ticket-details-card';
import { strings } from '../../src/i18n/strings';
import { allNodes, executeActions, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const trial: ServiceRequest = {
  id: '616122292874576',
  title: 'TrialSR',
  description: 'Ignore this SR',
  severity: 'critical',
  supportTopicName: 'Cannot manage my profile',
  status: 'open',
  createdDate: '2016-12-22T20:31:17.24Z',
  lastModifiedDate: '2017-01-09T23:31:15.373Z',
  lastClosedDate: '0001-01-01T00:00:00',
  notes: [{ createdByName: 'Account', createdDate: '2017-01-09T23:31:15.373', text: 'Sample Note' }],
};
const submissionId = '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33';

describe('ticket details card', () => {
  it('shows the request, its dates (the unset close date left out), description and notes', () => {
    const card = ticketDetailsCard({ request: trial }, text);
    expect(textRuns(card)).toEqual([
      'TrialSR',
      'Open',
      'Request id',
      '616122292874576',
      'Severity',
      'Critical',
      'Topic',
      'Cannot manage my profile',
      'Created',
      'Last changed',
      'Description',
      'Ignore this SR',
      'Notes (1)',
      'Account',
      'Sample Note',
    ]);
    expect(nodesOfType(card, 'TextBlock')).toHaveLength(3);
  });

  it('gives agents a note box, Add note and Close; viewers only Refresh', () => {
    const agent = ticketDetailsCard({ request: trial, noteSubmissionId: submissionId }, text);
    const reachedFromNoCustomer = { serviceRequestId: trial.id, customerId: '', draftId: '' };
    expect(executeActions(agent).map(({ verb, data }) => ({ verb, data }))).toEqual([
      { verb: 'ticket.addNote', data: { ...reachedFromNoCustomer, submissionId } },
      { verb: 'ticket.close', data: reachedFromNoCustomer },
      { verb: 'ticket.refresh', data: reachedFromNoCustomer },
    ]);
    expect(
      allNodes(agent)
        .filter((node) => node.type === 'Input.Text')
        .map((node) => node.id),
    ).toEqual(['note']);
    const viewer = ticketDetailsCard({ request: trial }, text);
    expect(executeActions(viewer).map((button) => button.verb)).toEqual(['ticket.refresh']);
    expect(allNodes(viewer).filter((node) => node.type === 'Input.Text')).toEqual([]);
  });

  it('has every button carry the customer it was reached from, and the form that created the request', () => {
    const origin = { customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f', draftId: submissionId };
    const fromList = ticketDetailsCard(
      { request: trial, noteSubmissionId: submissionId, origin: { customerId: origin.customerId } },
      text,
    );
    for (const { data } of executeActions(fromList)) {
      expect(data).toMatchObject({ serviceRequestId: trial.id, customerId: origin.customerId, draftId: '' });
    }
    const created = ticketDetailsCard({ request: trial, origin }, text);
    expect(executeActions(created).map(({ data }) => data)).toEqual([
      { serviceRequestId: trial.id, ...origin },
    ]);
  });

  it('offers no Close on a closed request', () => {
    const closed = ticketDetailsCard(
      { request: { ...trial, status: 'closed' }, noteSubmissionId: submissionId },
      text,
    );
    expect(executeActions(closed).map((button) => button.verb)).toEqual(['ticket.addNote', 'ticket.refresh']);
  });

  it('keeps a typed note with its problem, and shows the last action’s result above', () => {
    const card = ticketDetailsCard(
      {
        request: trial,
        noteSubmissionId: submissionId,
        note: { value: 'x'.repeat(4000), error: 'Type the note first.' },
        banner: { style: 'good', text: 'Note added.' },
      },
      text,
    );
    expect(allNodes(card).find((node) => node.id === 'note')?.value).toBe('x'.repeat(4000));
    expect(textRuns(card)).toEqual(expect.arrayContaining(['Type the note first.', 'Note added.']));
  });

  it(`shows the latest ${maxNotesShown} notes, newest first, and says how many there are`, () => {
    const notes = Array.from({ length: 12 }, (_, index) => ({
      createdByName: 'Support',
      text: `note ${index}`,
    }));
    const runs = textRuns(ticketDetailsCard({ request: { ...trial, notes } }, text));
    expect(runs).toContain(`Latest ${maxNotesShown} of 12 notes`);
    expect(runs.filter((run) => run.startsWith('note '))).toEqual([
      'note 11',
      'note 10',
      'note 9',
      'note 8',
      'note 7',
      'note 6',
      'note 5',
      'note 4',
    ]);
  });

  it('fits Teams with the longest title, description and notes in 4-byte characters', () => {
    const huge = '😀'.repeat(2000);
    const notes = Array.from({ length: 20 }, () => ({
      createdByName: huge,
      createdDate: '2017-01-09T23:31:15Z',
      text: huge,
    }));
    const card = ticketDetailsCard(
      {
        request: { ...trial, title: huge, description: huge, supportTopicName: huge, notes },
        noteSubmissionId: submissionId,
      },
      text,
    );
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
  });
});
