import { approvalListCard, maxApprovalListRows } from '../../src/cards/approval-list-card';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { executeActions, textRuns } from './card-tree';
import { sampleApprovalRequest } from './sample-cards';

const text = strings('en-US');
const request = (n: number) => ({
  ...sampleApprovalRequest('Contoso', `00000000-0000-4000-8000-00000000000${n}`),
  reason: `Unpaid invoice ${n}`,
  requester: { id: 'x', name: 'Megan Bowen' },
});

describe('approval list card', () => {
  it('lists waiting requests oldest first, with the buttons each viewer may use', () => {
    const card = approvalListCard(
      {
        scope: 'all',
        rows: [
          { request: request(1), viewer: 'approver' },
          { request: request(2), viewer: 'requester' },
          { request: request(3), viewer: 'observer' },
        ],
        total: 3,
      },
      text,
    );
    const texts = textRuns(card);
    expect(texts.slice(0, 5)).toEqual([
      'Waiting for approval',
      '3 waiting, oldest first.',
      'Suspension of a subscription · Contoso (Contoso (nickname)) · Contoso',
      'Requested by Megan Bowen: Unpaid invoice 1',
      'Expires',
    ]);
    expect(executeActions(card).map(({ verb, data }) => [verb, data.requestId])).toEqual([
      ['approval.approve', request(1).id],
      ['approval.reject', request(1).id],
      ['approval.cancel', request(2).id],
    ]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('says when nothing waits, and when the list is cut', () => {
    expect(textRuns(approvalListCard({ scope: 'own', rows: [], total: 0 }, text))).toEqual([
      'Your requests waiting for approval',
      'Nothing is waiting for approval.',
    ]);
    const cut = approvalListCard(
      { scope: 'all', rows: [{ request: request(1), viewer: 'approver' }], total: 12 },
      text,
    );
    expect(textRuns(cut)[1]).toBe('The oldest 1 of 12 waiting.');
  });

  it('stays under the Teams size limit with a full page of long text in any script', () => {
    const long = '😀株式会社'.repeat(300);
    const rows = Array.from({ length: maxApprovalListRows }, (_, n) => ({
      request: { ...sampleApprovalRequest(long, `00000000-0000-4000-8000-0000000000${10 + n}`) },
      viewer: 'approver' as const,
    }));
    const card = approvalListCard({ scope: 'all', rows, total: 40 }, text);
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
    expect(() =>
      approvalListCard({ scope: 'all', rows: [...rows, rows[0] as (typeof rows)[0]], total: 40 }, text),
    ).toThrow(RangeError);
  });
});
