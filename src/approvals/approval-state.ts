import type { ApprovalStatus } from '../store/approvals';

/**
 * The life of an approval request, as a pure state machine:
 *
 *   pending ──approve──▶ approved ──execute──▶ executing ──succeed──▶ done
 *      │                                           └──────fail──────▶ failed
 *      ├──reject──▶ rejected
 *      ├──cancel──▶ cancelled   (the requester, while pending)
 *      └──expire──▶ expired     (the sweep, or the first touch after the expiry)
 *
 * Every other move is refused. The store applies the same moves as conditional updates
 * (`WHERE status = ANY(from)`), using `stepFor` so the two can never disagree.
 */

export type ApprovalEvent = 'approve' | 'reject' | 'cancel' | 'expire' | 'execute' | 'succeed' | 'fail';

export const approvalEvents: readonly ApprovalEvent[] = [
  'approve',
  'reject',
  'cancel',
  'expire',
  'execute',
  'succeed',
  'fail',
];

const moves: Readonly<Record<ApprovalEvent, { from: readonly ApprovalStatus[]; to: ApprovalStatus }>> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  cancel: { from: ['pending'], to: 'cancelled' },
  expire: { from: ['pending'], to: 'expired' },
  execute: { from: ['approved'], to: 'executing' },
  succeed: { from: ['executing'], to: 'done' },
  fail: { from: ['executing'], to: 'failed' },
};

export type TransitionResult =
  | { ok: true; status: ApprovalStatus }
  | { ok: false; from: ApprovalStatus; event: ApprovalEvent };

/** The status after `event`, or a refusal when the event is not allowed in `current`. */
export function transition(current: ApprovalStatus, event: ApprovalEvent): TransitionResult {
  const move = moves[event];
  return move.from.includes(current) ? { ok: true, status: move.to } : { ok: false, from: current, event };
}

/** The statuses an event may start from, and where it leads: what the store's conditional update needs. */
export function stepFor(event: ApprovalEvent): { from: readonly ApprovalStatus[]; to: ApprovalStatus } {
  return moves[event];
}

/** Nothing can happen to a request in these statuses any more. */
export function isFinal(status: ApprovalStatus): boolean {
  return approvalEvents.every((event) => !transition(status, event).ok);
}

/** Someone may still approve, reject or cancel it. */
export function isDecidable(status: ApprovalStatus): boolean {
  return transition(status, 'approve').ok;
}
