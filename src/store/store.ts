import type { ApprovalRepository } from './approvals';
import type { ConversationWelcomes } from './conversation-welcomes';
import type { CustomerIndexStore } from './customer-index-store';
import type { ProvisioningWatches } from './provisioning-watches';
import type { Retention } from './retention';

/**
 * The store: one SQL schema, two engines (embedded PGlite, or a PostgreSQL server through `pg`).
 * Everything above this file talks to the repositories below, never to an engine.
 */

/** A stored value with its optimistic-concurrency tag. */
export interface StateItem {
  value: unknown;
  etag: string;
}

export interface StateWrite {
  key: string;
  value: unknown;
  /** Absent or '*' writes unconditionally; otherwise the write succeeds only if the stored etag matches. */
  etag?: string;
}

/** Key-value state with eTag optimistic concurrency (backs the botbuilder Storage of conversation/user state). */
export interface StateRepository {
  read(keys: string[]): Promise<Map<string, StateItem>>;
  /** Throws StateConflictError when an etag does not match; all writes of one call succeed or none. */
  write(writes: StateWrite[]): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`State for key "${key}" was changed by someone else (etag mismatch)`);
    this.name = 'StateConflictError';
  }
}

export type AuditOutcome = 'allowed' | 'denied' | 'succeeded' | 'failed';

/** One audit row. Never holds a secret: no passwords, tokens or card payloads. */
export interface AuditEntry {
  actorId: string;
  actorName?: string;
  roles: string[];
  action: string;
  outcome: AuditOutcome;
  customerId?: string;
  targetUserId?: string;
  subscriptionId?: string;
  correlationId: string;
  /** Short, non-secret facts (e.g. error code, query text). */
  details?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: Date;
}

export interface AuditQuery {
  since?: Date;
  until?: Date;
  customerId?: string;
  actorId?: string;
  action?: string;
  /** Newest first; `before` is the id of the last row of the previous page. */
  before?: string;
  limit?: number;
}

/** Append-only: there is no update or delete. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<AuditRecord>;
  query(query: AuditQuery): Promise<AuditRecord[]>;
}

/** Where a one-time operation stands: waiting for its confirmation, being carried out, or finished. */
export type OneTimeOperationStatus = 'pending' | 'claimed' | 'succeeded' | 'failed' | 'refused';
export type OneTimeOperationResult = Extract<OneTimeOperationStatus, 'succeeded' | 'failed' | 'refused'>;

/** Short, non-secret facts kept with an operation (display name, UPN, where its card was shown). Never a password. */
export type OperationFacts = Record<string, string | number | boolean>;

export interface NewOneTimeOperation {
  /** What it does, e.g. 'user.resetPassword'. */
  kind: string;
  customerId: string;
  targetUserId: string;
  facts: OperationFacts;
  /** Object id of the agent who asked for the confirmation card. */
  createdBy: string;
  /** After this, the confirmation is refused as expired. */
  expiresAt: Date;
}

export interface OneTimeOperation extends NewOneTimeOperation {
  /** Opaque id carried by the confirmation card. */
  id: string;
  createdAt: Date;
  status: OneTimeOperationStatus;
  claimedBy?: string;
  claimedByName?: string;
  claimedAt?: Date;
  completedAt?: Date;
  /** How it ended: error code, Partner Center request id, refusal reason. Never a password. */
  outcome?: OperationFacts;
}

export type OperationClaim =
  | { claimed: true; operation: OneTimeOperation }
  | { claimed: false; reason: 'unknown' }
  | { claimed: false; reason: 'expired' | 'taken'; operation: OneTimeOperation };

/**
 * Operations that must happen at most once (a password reset, a restore), keyed by the id their confirmation
 * card carries. Claiming is one conditional update, so of two concurrent claims exactly one wins.
 */
export interface OneTimeOperations {
  create(operation: NewOneTimeOperation): Promise<OneTimeOperation>;
  find(id: string): Promise<OneTimeOperation | undefined>;
  /** pending, of this kind and not expired → claimed by `actor` at `now`; anything else says why not. */
  claim(id: string, kind: string, actor: { id: string; name?: string }, now: Date): Promise<OperationClaim>;
  /** claimed → the result; an operation that is not claimed is left as it is (returns undefined). */
  complete(
    id: string,
    result: OneTimeOperationResult,
    outcome: OperationFacts,
    now: Date,
  ): Promise<OneTimeOperation | undefined>;
}

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  readonly state: StateRepository;
  readonly audit: AuditLog;
  /** Approval requests of every kind, the approvals channel, the approvers met. */
  readonly approvals: ApprovalRepository;
  readonly operations: OneTimeOperations;
  /** "Notify me when ready" watches of subscription provisioning. */
  readonly provisioningWatches: ProvisioningWatches;
  /** The customer index of the last complete refresh (name, domain, tenant id of every customer). */
  readonly customerIndex: CustomerIndexStore;
  /** Conversations already welcomed after an install. */
  readonly welcomes: ConversationWelcomes;
  /** Purges expired one-time operations, ended watches and old ticket forms. */
  readonly retention: Retention;
  /** Resolves when the database answers a trivial query (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
