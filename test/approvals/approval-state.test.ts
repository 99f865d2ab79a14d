import {
  type ApprovalEvent,
  approvalEvents,
  isDecidable,
  isFinal,
  stepFor,
  transition,
} from '../../src/approvals/approval-state';
import { type ApprovalStatus, approvalStatuses } from '../../src/store/approvals';

/** The whole table: every status × every event, and where it leads (absent = refused). */
const legal: Partial<Record<ApprovalStatus, Partial<Record<ApprovalEvent, ApprovalStatus>>>> = {
  pending: { approve: 'approved', reject: 'rejected', cancel: 'cancelled', expire: 'expired' },
  approved: { execute: 'executing' },
  executing: { succeed: 'done', fail: 'failed' },
};

const everyPair = approvalStatuses.flatMap((status) =>
  approvalEvents.map((event) => [status, event] as const),
);

describe('approval state machine', () => {
  it.each(everyPair)('from %s, %s goes where the table says, or is refused', (status, event) => {
    const expected = legal[status]?.[event];
    expect(transition(status, event)).toEqual(
      expected ? { ok: true, status: expected } : { ok: false, from: status, event },
    );
  });

  it('walks the happy path pending → approved → executing → done', () => {
    const path: ApprovalEvent[] = ['approve', 'execute', 'succeed'];
    const end = path.reduce<ApprovalStatus>((status, event) => {
      const next = transition(status, event);
      if (!next.ok) throw new Error(`${event} refused in ${status}`);
      return next.status;
    }, 'pending');
    expect(end).toBe('done');
  });

  it('never executes without an approval, and never twice', () => {
    expect(transition('pending', 'execute').ok).toBe(false);
    expect(transition('executing', 'execute').ok).toBe(false);
    expect(transition('done', 'execute').ok).toBe(false);
    expect(transition('failed', 'execute').ok).toBe(false);
  });

  it('cannot decide or cancel anything that is no longer pending', () => {
    for (const status of approvalStatuses.filter((item) => item !== 'pending')) {
      for (const event of ['approve', 'reject', 'cancel', 'expire'] as const) {
        expect(transition(status, event).ok).toBe(false);
      }
    }
  });

  it('calls done, failed, rejected, cancelled and expired final, and only pending decidable', () => {
    expect(approvalStatuses.filter(isFinal)).toEqual(['done', 'failed', 'rejected', 'cancelled', 'expired']);
    expect(approvalStatuses.filter(isDecidable)).toEqual(['pending']);
  });

  it('gives the store the same moves as the table', () => {
    for (const event of approvalEvents) {
      const { from, to } = stepFor(event);
      for (const status of approvalStatuses) {
        expect(transition(status, event)).toEqual(
          from.includes(status) ? { ok: true, status: to } : { ok: false, from: status, event },
        );
      }
    }
  });
});
