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

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  readonly state: StateRepository;
  readonly audit: AuditLog;
  /** Resolves when the database answers a trivial query (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
