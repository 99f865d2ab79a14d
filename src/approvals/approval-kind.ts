import type { CallContext } from '../api/partner-center';
import type { Permission } from '../auth/roles';
import type { ApprovalFacts, ApprovalRequest } from '../store/approvals';

/**
 * What makes one kind of approval (suspension, reactivation, privileged password reset): who may ask,
 * who may decide, what must hold when asking, what runs once approved, and how to tell afterwards whether
 * it took effect. The engine does the rest the same way for every kind.
 */

/** The kinds this bot knows; stored with each request. */
export const SUSPENSION = 'subscription.suspend';
export const REACTIVATION = 'subscription.reactivate';
export const PRIVILEGED_RESET = 'user.resetPassword.privileged';

/** What a request is about. */
export interface ApprovalTarget {
  customerId: string;
  subscriptionId?: string;
  targetUserId?: string;
}

export type Preparation =
  /** The target may be changed: remember its etag and the facts the card shows. */
  | { ready: true; etag?: string; facts: ApprovalFacts }
  /** The target is not in a state this kind can change (e.g. a suspension of a subscription that is not active). */
  | { ready: false; problem: 'wrongStatus'; facts: ApprovalFacts };

export interface Execution {
  /** Non-secret facts of the result, stored and shown. */
  result: ApprovalFacts;
  /** For the requester alone (a temporary password): delivered once, never stored or logged. */
  secret?: string;
}

export interface ApprovalKind {
  /** Stored with the request, e.g. 'subscription.suspend'. */
  readonly name: string;
  /** Who may ask. */
  readonly requestPermission: Permission;
  /** Who may approve or reject (never the requester). */
  readonly decidePermission: Permission;
  readonly reasonRequired: boolean;
  /** Reads the target and checks it can be changed now. */
  prepare(ctx: CallContext, target: ApprovalTarget): Promise<Preparation>;
  /** Carries out the approved change, once. Throws an AppError when it fails; never retried by the engine. */
  execute(ctx: CallContext, request: ApprovalRequest): Promise<Execution>;
  /**
   * After an execution whose outcome is unknown (timeout, unavailable, a process stopped half-way): does the
   * target show the change made? A read, never a second attempt.
   */
  verify?(ctx: CallContext, request: ApprovalRequest): Promise<boolean>;
}
