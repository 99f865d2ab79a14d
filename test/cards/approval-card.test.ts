import { approvalCard, maxRefreshUserIds } from '../../src/cards/approval-card';
import { strings } from '../../src/i18n/strings';
import type { ApprovalRequest } from '../../src/store/approvals';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { executeActions, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const request: ApprovalRequest = {
  id: '3b7c1e52-9f0a-4d6e-8a21-5c4b3a291f07',
  kind: 'subscription.suspend',
  status: 'pending',
  requester: { id: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32', name: 'Megan Bowen', teamsUserId: '29:megan' },
  requesterConversation: { conversation: { id: 'personal-megan' } },
  locale: 'en-US',
  customerId: '4d3cf487-70f6-4971-bce1-a8b7a5f4d3c1',
  subscriptionId: 'a356ac8c-e310-44f4-bf85-c7f29044af99',
  etag: 'eyJ2ZXJzaW9uIjoxfQ',
  reason: 'Unpaid since January',
  facts: { companyName: 'DT Demo CSP Customer 005', offerName: 'Microsoft Azure', quantity: 1 },
  createdAt: new Date('2026-03-02T09:00:00.000Z'),
  expiresAt: new Date('2026-03-03T09:00:00.000Z'),
  cards: [],
};
const adele = { id: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43', name: 'Adele Vance' };
const decidedAt = new Date('2026-03-02T10:15:00.000Z');

const verbs = (card: object) => executeActions(card).map((action) => action.verb);
/** The timeline's times, formatted by the bot (UTC, named, for a reader whose zone is unknown). */
const timestamps = (card: object) => nodesOfType(card, 'TextBlock').map((block) => String(block.text));

describe('approval card', () => {
  it('shows an approver the request, a comment box and Approve/Reject, each carrying only the request id', () => {
    const card = approvalCard(
      { request, viewer: 'approver', refreshUserIds: ['29:megan', '29:adele'] },
      text,
    );
    expect(textRuns(card)).toEqual([
      'Suspension of a subscription',
      'Waiting for an approver. Approvers and admins can approve or reject it; the requester cannot.',
      'Customer',
      'DT Demo CSP Customer 005',
      'Customer id',
      request.customerId,
      'Subscription',
      'Microsoft Azure',
      'Subscription id',
      request.subscriptionId,
      'Licenses',
      '1',
      'Requested by',
      'Megan Bowen',
      'Reason',
      'Unpaid since January',
      'Requested',
      'Expires',
    ]);
    expect(timestamps(card)).toEqual(['Mar 2, 2026, 9:00 AM UTC', 'Mar 3, 2026, 9:00 AM UTC']);
    expect(nodesOfType(card, 'Input.Text')).toMatchObject([{ id: 'comment', maxLength: 500 }]);
    expect(executeActions(card).map(({ verb, data, title }) => ({ verb, data, title }))).toEqual([
      { verb: 'approval.refresh', data: { requestId: request.id }, title: undefined },
      { verb: 'approval.approve', data: { requestId: request.id }, title: 'Approve' },
      { verb: 'approval.reject', data: { requestId: request.id }, title: 'Reject' },
    ]);
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'approval.refresh', data: { requestId: request.id } },
      userIds: ['29:megan', '29:adele'],
    });
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('shows the requester "waiting" and Cancel, without a comment box', () => {
    const card = approvalCard({ request, viewer: 'requester', refreshUserIds: ['29:megan'] }, text);
    expect(textRuns(card)[1]).toBe(
      'Waiting for approval. You can cancel your request until someone decides.',
    );
    expect(verbs(card)).toEqual(['approval.refresh', 'approval.cancel']);
    expect(nodesOfType(card, 'Input.Text')).toEqual([]);
  });

  it('shows anyone else the state alone', () => {
    const card = approvalCard({ request, viewer: 'observer' }, text);
    expect(textRuns(card)[1]).toBe('Waiting for an approver.');
    expect(verbs(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
  });

  it('refreshes for at most 60 distinct users', () => {
    const many = Array.from({ length: 80 }, (_, index) => `29:user-${index % 70}`);
    const card = approvalCard({ request, viewer: 'approver', refreshUserIds: many }, text);
    const { userIds } = card.refresh as { userIds: string[] };
    expect(userIds).toHaveLength(maxRefreshUserIds);
    expect(new Set(userIds).size).toBe(maxRefreshUserIds);
  });

  it('says who approved, when, with the comment, while the change is made, and keeps refreshing', () => {
    const executing: ApprovalRequest = {
      ...request,
      status: 'executing',
      decidedBy: adele,
      decidedAt,
      comment: 'Finance confirmed',
      startedAt: decidedAt,
    };
    const card = approvalCard({ request: executing, viewer: 'approver', refreshUserIds: ['29:adele'] }, text);
    const texts = textRuns(card);
    expect(texts[1]).toBe('Approved. The change is being made in Partner Center…');
    expect(texts).toEqual(expect.arrayContaining(['Comment from Adele Vance', 'Finance confirmed']));
    expect(texts.slice(-2)).toEqual(['Requested', 'Approved by Adele Vance']);
    expect(timestamps(card)).toEqual(['Mar 2, 2026, 9:00 AM UTC', 'Mar 2, 2026, 10:15 AM UTC']);
    expect(verbs(card)).toEqual(['approval.refresh']);
  });

  it.each([
    [{ status: 'done' as const }, 'Done: the subscription is suspended.'],
    [{ status: 'rejected' as const }, 'Rejected. Nothing was changed.'],
    [{ status: 'cancelled' as const }, 'Cancelled by the requester. Nothing was changed.'],
    [
      { status: 'expired' as const, decidedBy: undefined },
      'Expired without a decision. Nothing was changed.',
    ],
    [
      { status: 'failed' as const, errorCode: 'PC_STALE_ETAG' },
      'Not done: the subscription changed in Partner Center after the request was made, so nothing was changed. If it should still be changed, ask again with a new request.',
    ],
    [
      { status: 'failed' as const, errorCode: 'INTERRUPTED' },
      'Not confirmed: the bot stopped while making the change, and Partner Center does not show it. Check the current state, then ask again if needed.',
    ],
    [
      { status: 'failed' as const, errorCode: 'PC_INVALID_STATE' },
      'Not done: Partner Center does not allow that change in the current state of the item. Nothing was retried. If the change is still needed, ask again with a new request.',
    ],
  ])('shows everyone the outcome %j, with no buttons and no refresh', (change, status) => {
    const settled: ApprovalRequest = {
      ...request,
      decidedBy: adele,
      decidedAt,
      completedAt: decidedAt,
      ...change,
    };
    for (const viewer of ['approver', 'requester', 'observer'] as const) {
      const card = approvalCard({ request: settled, viewer, refreshUserIds: ['29:megan'] }, text);
      expect(textRuns(card)[1]).toBe(status);
      expect(verbs(card)).toEqual([]);
      expect(card.refresh).toBeUndefined();
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it('names who rejected or cancelled in the timeline', () => {
    const rejected = approvalCard(
      { request: { ...request, status: 'rejected', decidedBy: adele, decidedAt }, viewer: 'observer' },
      text,
    );
    expect(textRuns(rejected)).toContain('Rejected by Adele Vance');
    const cancelled = approvalCard(
      {
        request: { ...request, status: 'cancelled', decidedBy: request.requester, decidedAt },
        viewer: 'observer',
      },
      text,
    );
    expect(textRuns(cancelled)).toContain('Cancelled by Megan Bowen');
  });

  it('puts a notice for this viewer above the facts', () => {
    const card = approvalCard(
      { request, viewer: 'observer', notice: text.t('approval.notice.selfDecision') },
      text,
    );
    expect(textRuns(card)[2]).toBe('You asked for this yourself, so another approver must decide it.');
  });
});
