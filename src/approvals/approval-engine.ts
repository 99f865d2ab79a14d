import { randomUUID } from 'node:crypto';
import type { CallContext } from '../api/partner-center';
import { type CustomerScope, scopeAllows } from '../auth/customer-scope';
import { allows, type Role } from '../auth/roles';
import { type ErrorCode, errorCodeOf } from '../errors';
import type { Logger } from '../log';
import type {
  ApprovalParty,
  ApprovalRepository,
  ApprovalRequest,
  ApprovalStep,
  StoredReference,
} from '../store/approvals';
import type { AuditLog } from '../store/store';
import type { ApprovalKind, ApprovalTarget } from './approval-kind';
import { isDecidable, stepFor } from './approval-state';

/**
 * The approval engine: one mechanism for every kind of request. It asks the kind whether the target can be
 * changed, stores the request, lets only an allowed approver who is not the requester decide, moves the
 * request through the state machine with conditional updates (so a double click, a retried invoke or two
 * bot instances lead to one execution), runs the change once, and tells a listener about every change.
 */

export const MAX_REASON_LENGTH = 500;
export const MAX_COMMENT_LENGTH = 500;
/** An execution still running after this long was cut short (its process stopped): the sweep settles it. */
export const STUCK_EXECUTION_MS = 5 * 60 * 1000;

/** Failures after which Partner Center may still have made the change: read the target before saying failed. */
const ambiguousFailures: ReadonlySet<ErrorCode> = new Set(['PC_TIMEOUT', 'PC_UNAVAILABLE', 'INTERNAL']);

/** Stored as the error code of an execution whose process stopped half-way. */
export const INTERRUPTED = 'INTERRUPTED';

export interface Actor extends ApprovalParty {
  roles: readonly Role[];
  /** The customers their role covers (customer-scoped roles); absent: every customer. */
  customerScope?: CustomerScope;
}

export interface ApprovalListener {
  /** The request changed (executing, done, failed, rejected, cancelled, expired). `secret` is for the requester alone. */
  changed(request: ApprovalRequest, delivery?: { secret: string }): Promise<void>;
}

export interface RequestInput extends ApprovalTarget {
  kind: string;
  requester: Actor & { teamsUserId?: string };
  requesterConversation: StoredReference;
  locale: string;
  /** The requester's IANA time zone, for the times in what they are later sent. */
  timeZone?: string;
  reason: string;
  /** Facts the bot already knows (e.g. the company name); the kind adds the target's. */
  facts: Record<string, string | number | boolean>;
  /** The requester's call context: the kind reads the target with it (correlation id, customer scope). */
  ctx: CallContext;
}

export type RequestOutcome =
  | { kind: 'created'; request: ApprovalRequest }
  | { kind: 'duplicate'; request: ApprovalRequest }
  | { kind: 'notReady'; problem: 'wrongStatus'; facts: Record<string, string | number | boolean> }
  | { kind: 'refused'; reason: 'notAllowed' | 'reasonMissing' | 'reasonTooLong' };

export type DecisionOutcome =
  | { kind: 'unknown' }
  | {
      kind: 'refused';
      reason: 'selfDecision' | 'notAllowed' | 'customerNotAllowed' | 'commentTooLong';
      request: ApprovalRequest;
    }
  /** Already decided, cancelled, expired or being carried out: the request says who did what and when. */
  | { kind: 'closed'; request: ApprovalRequest }
  | { kind: 'rejected'; request: ApprovalRequest }
  /** Approved and now executing; `settled` resolves with the request once it is done or failed. */
  | { kind: 'approved'; request: ApprovalRequest; settled: Promise<ApprovalRequest> };

export type CancelOutcome =
  | { kind: 'unknown' }
  | { kind: 'refused'; reason: 'notRequester'; request: ApprovalRequest }
  | { kind: 'closed'; request: ApprovalRequest }
  | { kind: 'cancelled'; request: ApprovalRequest };

export interface EngineOptions {
  repository: ApprovalRepository;
  kinds: readonly ApprovalKind[];
  audit: AuditLog;
  listener: ApprovalListener;
  logger: Logger;
  /** How long a request waits for a decision. */
  expiryMs: number;
  now?: () => Date;
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function inScope(actor: Actor, request: ApprovalRequest): boolean {
  return actor.customerScope === undefined || scopeAllows(actor.customerScope, request.customerId);
}

function codePoints(text: string): number {
  return [...text].length;
}

export class ApprovalEngine {
  private readonly kinds: ReadonlyMap<string, ApprovalKind>;
  private readonly running = new Set<Promise<unknown>>();
  private readonly now: () => Date;

  constructor(private readonly options: EngineOptions) {
    this.kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
    this.now = options.now ?? (() => new Date());
  }

  kind(name: string): ApprovalKind | undefined {
    return this.kinds.get(name);
  }

  async request(input: RequestInput): Promise<RequestOutcome> {
    const kind = this.requireKind(input.kind);
    if (!allows(input.requester.roles, kind.requestPermission))
      return { kind: 'refused', reason: 'notAllowed' };
    const reasonProblem = this.reasonProblem(kind.name, input.reason);
    if (reasonProblem) return { kind: 'refused', reason: reasonProblem };
    const reason = input.reason.trim();

    const { ctx } = input;
    const target = {
      customerId: input.customerId,
      subscriptionId: input.subscriptionId,
      targetUserId: input.targetUserId,
    };
    const prepared = await kind.prepare(ctx, target);
    if (!prepared.ready) return { kind: 'notReady', problem: prepared.problem, facts: prepared.facts };

    const now = this.now();
    const created = await this.options.repository.create({
      kind: kind.name,
      requester: {
        id: input.requester.id.toLowerCase(),
        name: input.requester.name,
        teamsUserId: input.requester.teamsUserId,
      },
      requesterConversation: input.requesterConversation,
      locale: input.locale,
      timeZone: input.timeZone,
      ...target,
      etag: prepared.etag,
      reason,
      facts: { ...input.facts, ...prepared.facts },
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.expiryMs),
    });
    return created.created
      ? { kind: 'created', request: created.request }
      : { kind: 'duplicate', request: created.existing };
  }

  /** What is wrong with a reason for this kind (checked before anything is read from Partner Center). */
  reasonProblem(kindName: string, reason: string): 'reasonMissing' | 'reasonTooLong' | undefined {
    const trimmed = reason.trim();
    if (this.requireKind(kindName).reasonRequired && trimmed === '') return 'reasonMissing';
    return codePoints(trimmed) > MAX_REASON_LENGTH ? 'reasonTooLong' : undefined;
  }

  /** The request as it stands; a pending request past its expiry is expired on the spot. */
  async find(id: string): Promise<ApprovalRequest | undefined> {
    const request = await this.options.repository.find(id);
    return request && (await this.expireIfDue(request));
  }

  /** Still waiting for a decision (pending and not past its expiry, even if the sweep has not run yet). */
  isWaiting(request: ApprovalRequest): boolean {
    return request.status === 'pending' && request.expiresAt > this.now();
  }

  /** Whether this person may decide this request (holds the kind's permission and is not the requester). */
  mayDecide(request: ApprovalRequest, actor: Actor): boolean {
    const kind = this.kinds.get(request.kind);
    return (
      kind !== undefined &&
      allows(actor.roles, kind.decidePermission) &&
      inScope(actor, request) &&
      !sameUser(request.requester.id, actor.id)
    );
  }

  async decide(
    id: string,
    actor: Actor,
    decision: 'approve' | 'reject',
    comment: string | undefined,
    /** The decider's call context: the approved change runs with it (correlation id, customer scope). */
    ctx: CallContext,
  ): Promise<DecisionOutcome> {
    const request = await this.find(id);
    if (!request) return { kind: 'unknown' };
    const kind = this.requireKind(request.kind);
    const refusal = !allows(actor.roles, kind.decidePermission)
      ? 'notAllowed'
      : !inScope(actor, request)
        ? 'customerNotAllowed'
        : sameUser(request.requester.id, actor.id)
          ? 'selfDecision'
          : comment !== undefined && codePoints(comment) > MAX_COMMENT_LENGTH
            ? 'commentTooLong'
            : undefined;
    if (refusal) {
      await this.auditRefusal(request, actor, decision, ctx.correlationId, refusal);
      return { kind: 'refused', reason: refusal, request };
    }
    if (!isDecidable(request.status)) return { kind: 'closed', request };

    const now = this.now();
    const decided: ApprovalStep = {
      ...stepFor(decision),
      decidedBy: { id: actor.id.toLowerCase(), name: actor.name },
      comment: comment?.trim() || undefined,
    };
    const steps = decision === 'approve' ? [decided, stepFor('execute')] : [decided];
    const guard = { unexpiredAt: now, notRequester: actor.id.toLowerCase() };
    const moved = await this.options.repository.advance(request.id, steps, now, guard);
    if (!moved.applied) {
      const current = moved.request ?? request;
      return { kind: 'closed', request: await this.expireIfDue(current) };
    }
    if (decision === 'reject') {
      await this.notify(moved.request);
      return { kind: 'rejected', request: moved.request };
    }
    const settled = this.track(
      (async () => {
        await this.notify(moved.request);
        return this.execute(moved.request, actor, ctx);
      })(),
    );
    return { kind: 'approved', request: moved.request, settled };
  }

  async cancel(id: string, actor: Actor, correlationId: string): Promise<CancelOutcome> {
    const request = await this.find(id);
    if (!request) return { kind: 'unknown' };
    if (!sameUser(request.requester.id, actor.id)) {
      await this.auditRefusal(request, actor, 'cancel', correlationId, 'notRequester');
      return { kind: 'refused', reason: 'notRequester', request };
    }
    if (!isDecidable(request.status)) return { kind: 'closed', request };
    const now = this.now();
    const moved = await this.options.repository.advance(
      request.id,
      [{ ...stepFor('cancel'), decidedBy: { id: actor.id.toLowerCase(), name: actor.name } }],
      now,
      { unexpiredAt: now },
    );
    if (!moved.applied) return { kind: 'closed', request: await this.expireIfDue(moved.request ?? request) };
    await this.notify(moved.request);
    return { kind: 'cancelled', request: moved.request };
  }

  /**
   * The periodic sweep: expires pending requests past their expiry, and settles executions whose process
   * stopped half-way (done if Partner Center shows the change, else failed). Safe on several instances at
   * once: each request is moved, audited and announced by exactly one of them.
   */
  async sweep(): Promise<{ expired: number; settled: number }> {
    const now = this.now();
    const expired = await this.options.repository.expireDue(now);
    for (const request of expired) await this.announceExpiry(request);
    const stuck = await this.options.repository.listExecutingSince(
      new Date(now.getTime() - STUCK_EXECUTION_MS),
    );
    for (const request of stuck) await this.settleInterrupted(request);
    return { expired: expired.length, settled: stuck.length };
  }

  /** Resolves when every execution started by this engine has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private requireKind(name: string): ApprovalKind {
    const kind = this.kinds.get(name);
    if (!kind) throw new Error(`Unknown approval kind "${name}"`);
    return kind;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  private async expireIfDue(request: ApprovalRequest): Promise<ApprovalRequest> {
    const now = this.now();
    if (request.status !== 'pending' || request.expiresAt > now) return request;
    const moved = await this.options.repository.advance(request.id, [stepFor('expire')], now);
    if (!moved.applied) return moved.request ?? request;
    await this.announceExpiry(moved.request);
    return moved.request;
  }

  private async announceExpiry(request: ApprovalRequest): Promise<void> {
    await this.auditSystem(request, 'approval.expire', 'succeeded', {});
    await this.notify(request);
  }

  /** Runs the approved change once; whatever happens, the request ends done or failed, never retried. */
  private async execute(request: ApprovalRequest, actor: Actor, ctx: CallContext): Promise<ApprovalRequest> {
    const kind = this.requireKind(request.kind);
    const { correlationId } = ctx;
    let step: ApprovalStep;
    let secret: string | undefined;
    try {
      const execution = await kind.execute(ctx, request);
      step = { ...stepFor('succeed'), result: execution.result };
      secret = execution.secret;
    } catch (error) {
      const code = errorCodeOf(error);
      this.options.logger.warn(
        { correlationId, requestId: request.id, kind: request.kind, code, err: error },
        'approval: execution failed',
      );
      step =
        ambiguousFailures.has(code) && (await this.verified(kind, ctx, request))
          ? { ...stepFor('succeed'), result: { verified: true } }
          : { ...stepFor('fail'), errorCode: code };
    }
    const finished = await this.options.repository.advance(request.id, [step], this.now());
    if (!finished.applied) {
      this.options.logger.warn({ requestId: request.id }, 'approval: settled elsewhere meanwhile');
      return finished.request ?? request;
    }
    const done = finished.request;
    await this.options.audit.append({
      actorId: actor.id,
      actorName: actor.name,
      roles: [...actor.roles],
      action: 'approval.execute',
      outcome: done.status === 'done' ? 'succeeded' : 'failed',
      correlationId,
      ...this.auditTarget(done),
      details: {
        requestId: done.id,
        kind: done.kind,
        ...(done.errorCode !== undefined && { code: done.errorCode }),
      },
    });
    await this.notify(done, secret === undefined ? undefined : { secret });
    return done;
  }

  private async settleInterrupted(request: ApprovalRequest): Promise<void> {
    const kind = this.requireKind(request.kind);
    const ctx = { correlationId: randomUUID(), locale: request.locale };
    const step: ApprovalStep = (await this.verified(kind, ctx, request))
      ? { ...stepFor('succeed'), result: { verified: true } }
      : { ...stepFor('fail'), errorCode: INTERRUPTED };
    const moved = await this.options.repository.advance(request.id, [step], this.now());
    if (!moved.applied) return;
    await this.auditSystem(
      moved.request,
      'approval.execute',
      moved.request.status === 'done' ? 'succeeded' : 'failed',
      {
        interrupted: true,
      },
    );
    await this.notify(moved.request);
  }

  private async verified(kind: ApprovalKind, ctx: { correlationId: string }, request: ApprovalRequest) {
    if (!kind.verify) return false;
    try {
      return await kind.verify(ctx, request);
    } catch (error) {
      this.options.logger.warn(
        { requestId: request.id, code: errorCodeOf(error) },
        'approval: verify failed',
      );
      return false;
    }
  }

  /**
   * A listener failure (Teams unreachable) never undoes or repeats a state change: it is logged and written
   * to the audit log (`approval.notify` failed), so that a temporary password that never reached its
   * requester is on record.
   */
  private async notify(request: ApprovalRequest, delivery?: { secret: string }): Promise<void> {
    try {
      await this.options.listener.changed(request, delivery);
    } catch (error) {
      this.options.logger.error(
        { requestId: request.id, err: error },
        'approval: could not announce a change',
      );
      await this.auditSystem(request, 'approval.notify', 'failed', {
        status: request.status,
        // What did not reach the requester (a key naming a secret would be refused by the audit log).
        undelivered: delivery === undefined ? 'decision' : 'decision and temporary password',
      }).catch((auditError: unknown) =>
        this.options.logger.error(
          { requestId: request.id, err: auditError },
          'approval: audit append failed',
        ),
      );
    }
  }

  private auditTarget(request: ApprovalRequest) {
    return {
      customerId: request.customerId,
      subscriptionId: request.subscriptionId,
      targetUserId: request.targetUserId,
    };
  }

  /** Refusals the router cannot see (it checked only the route's permission): self-approval, not the requester. */
  private async auditRefusal(
    request: ApprovalRequest,
    actor: Actor,
    decision: 'approve' | 'reject' | 'cancel',
    correlationId: string,
    reason: string,
  ): Promise<void> {
    await this.options.audit.append({
      actorId: actor.id,
      actorName: actor.name,
      roles: [...actor.roles],
      action: 'approval.decide',
      outcome: 'denied',
      correlationId,
      ...this.auditTarget(request),
      details: { requestId: request.id, kind: request.kind, decision, reason },
    });
  }

  private async auditSystem(
    request: ApprovalRequest,
    action: string,
    outcome: 'succeeded' | 'failed',
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.options.audit.append({
      actorId: 'system',
      actorName: 'approval sweep',
      roles: [],
      action,
      outcome,
      correlationId: randomUUID(),
      ...this.auditTarget(request),
      details: {
        requestId: request.id,
        kind: request.kind,
        ...(request.errorCode !== undefined && { code: request.errorCode }),
        ...details,
      },
    });
  }
}
