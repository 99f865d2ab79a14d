import type { Customer, CustomerUser, DirectoryRole } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { errorCodeOf, isAppError } from '../errors';
import type {
  AuditLog,
  AuditOutcome,
  OneTimeOperation,
  OneTimeOperations,
  OperationFacts,
} from '../store/store';
import { generatePassword } from './password-generator';
import { privilegedRolesOf } from './privileged-roles';
import { type RestoreWindow, restoreWindow } from './restore-window';
import { listAllUsers, orNothing } from './user-directory';
import { sameUpn } from './user-principal-name';

/**
 * Password resets and restores of customer users, each confirmed once: the confirmation card carries the id of
 * a one-time operation, claimed in the store before Partner Center is called, so a double click, a replayed or
 * retried invoke, or a second agent never runs it twice. Every reset, restore and refusal is audited with the
 * Partner Center request and correlation ids. The generated password only ever lives in the value returned to
 * the caller who confirmed: never in the store, the audit log, a log line or an error.
 */

export const RESET_PASSWORD = 'user.resetPassword';
export const RESTORE_USER = 'user.restore';
/** A confirmation card is good for this long. */
export const CONFIRMATION_TTL_MS = 60 * 60 * 1000;

export interface Actor {
  id: string;
  name?: string;
  roles: readonly string[];
}

/** Where a confirmation card was shown: a message of its own, or in place of the deleted-users list. */
export type ConfirmationOrigin = 'message' | 'deletedUsers';

/** Names shown on the cards about one operation (kept with it, so later answers need no Partner Center read). */
export interface TargetNames {
  customerId: string;
  companyName: string;
  userId: string;
  displayName: string;
  userPrincipalName: string;
}

export interface PrivilegedResetRequest {
  target: TargetNames;
  roles: DirectoryRole[];
  actor: Actor;
}

/**
 * What happens when an agent asks to reset a user who holds an administrator role. The seam for the approval
 * engine: until it routes these requests through approvals, they are refused with the reason. (A target that
 * gained such a role after its confirmation card was shown is always refused at confirmation.)
 */
export type PrivilegedResetPolicy = (request: PrivilegedResetRequest) => Promise<{ kind: 'refused' }>;
export const refusePrivilegedResets: PrivilegedResetPolicy = async () => ({ kind: 'refused' });

export type ResetPreparation =
  | { kind: 'confirm'; operationId: string; target: TargetNames }
  | { kind: 'refused'; target: TargetNames; roles: DirectoryRole[] }
  | { kind: 'notFound' };

/** Who finished an operation first, and how. */
export interface DoneBefore {
  target: TargetNames;
  status: OneTimeOperation['status'];
  by: string;
  at?: Date;
}

export type ConfirmationProblem =
  | { kind: 'unknown' }
  | { kind: 'expired'; target: TargetNames }
  | { kind: 'alreadyDone'; done: DoneBefore };

export type ResetResult =
  | { kind: 'reset'; target: TargetNames; password: string; forceChange: boolean; by: string; at: Date }
  | { kind: 'refused'; target: TargetNames; roles: DirectoryRole[] }
  | { kind: 'userGone'; target: TargetNames }
  | ConfirmationProblem;

export type RestorePreparation =
  | { kind: 'confirm'; operationId: string; target: TargetNames; window: RestoreWindow }
  | { kind: 'alreadyActive'; target: TargetNames }
  | { kind: 'purged'; target: TargetNames; window: RestoreWindow }
  | { kind: 'conflict'; target: TargetNames; holder: CustomerUser }
  | { kind: 'notFound'; customer: Customer }
  | { kind: 'customerNotFound' };

export type RestoreResult =
  | { kind: 'restored'; target: TargetNames; origin: ConfirmationOrigin; by: string; at: Date }
  | { kind: 'conflict'; target: TargetNames; origin: ConfirmationOrigin }
  | { kind: 'purged'; target: TargetNames; origin: ConfirmationOrigin }
  | ConfirmationProblem;

export interface UserOperationsOptions {
  partnerCenter: PartnerCenter;
  operations: OneTimeOperations;
  audit: AuditLog;
  passwordLength: number;
  now?: () => Date;
  generatePassword?: (length: number) => string;
  privilegedResets?: PrivilegedResetPolicy;
}

export function targetNames(customer: Customer, user: CustomerUser): TargetNames {
  return {
    customerId: customer.id,
    companyName: customer.companyProfile.companyName,
    userId: user.id,
    displayName: user.displayName ?? user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
  };
}

function namesOf(operation: OneTimeOperation): TargetNames {
  const text = (key: string) => String(operation.facts[key] ?? '');
  return {
    customerId: operation.customerId,
    companyName: text('companyName'),
    userId: operation.targetUserId,
    displayName: text('displayName'),
    userPrincipalName: text('userPrincipalName'),
  };
}

/** Request ids of the Partner Center calls made through one context, for the audit row. */
function tracing(ctx: CallContext): { ctx: CallContext; requestIds: string[] } {
  const requestIds: string[] = [];
  return { ctx: { ...ctx, onRequest: ({ requestId }) => requestIds.push(requestId) }, requestIds };
}

export class UserOperations {
  private readonly now: () => Date;
  private readonly generate: (length: number) => string;
  private readonly privilegedResets: PrivilegedResetPolicy;
  /** Resets being carried out, so that Teams' retry of a slow invoke from the same agent gets the same answer. */
  private readonly inFlight = new Map<string, { actorId: string; result: Promise<ResetResult> }>();

  constructor(private readonly options: UserOperationsOptions) {
    this.now = options.now ?? (() => new Date());
    this.generate = options.generatePassword ?? ((length) => generatePassword(length));
    this.privilegedResets = options.privilegedResets ?? refusePrivilegedResets;
  }

  // Password reset

  async prepareReset(
    ctx: CallContext,
    actor: Actor,
    customerId: string,
    userId: string,
  ): Promise<ResetPreparation> {
    const { partnerCenter } = this.options;
    const [customer, user] = await Promise.all([
      orNothing(partnerCenter.getCustomer(ctx, customerId)),
      orNothing(partnerCenter.getUser(ctx, customerId, userId)),
    ]);
    if (!customer || !user) return { kind: 'notFound' };
    return this.prepareResetOf(ctx, actor, customer, user);
  }

  /** The target is known (found by UPN): check the guard, then hand out a one-time confirmation. */
  async prepareResetOf(
    ctx: CallContext,
    actor: Actor,
    customer: Customer,
    user: CustomerUser,
  ): Promise<ResetPreparation> {
    const target = targetNames(customer, user);
    const traced = tracing(ctx);
    const roles = privilegedRolesOf(
      await this.options.partnerCenter.getUserDirectoryRoles(traced.ctx, customer.id, user.id),
    );
    if (roles.length > 0) {
      const decision = await this.privilegedResets({ target, roles, actor });
      await this.record(ctx, actor, RESET_PASSWORD, 'denied', target, {
        reason: 'privilegedTarget',
        roles: roles.map((role) => role.name),
        partnerCenterRequestIds: traced.requestIds,
      });
      return { kind: decision.kind, target, roles };
    }
    const operation = await this.create(RESET_PASSWORD, actor, target, 'message');
    return { kind: 'confirm', operationId: operation.id, target };
  }

  async confirmReset(
    ctx: CallContext,
    actor: Actor,
    operationId: string,
    forceChange: boolean,
  ): Promise<ResetResult> {
    const claim = await this.options.operations.claim(operationId, RESET_PASSWORD, actor, this.now());
    if (!claim.claimed) {
      const retried = this.inFlight.get(operationId);
      if (retried && retried.actorId === actor.id) return retried.result;
      return this.problem(claim);
    }
    const result = this.carryOutReset(ctx, actor, claim.operation, forceChange);
    this.inFlight.set(operationId, { actorId: actor.id, result });
    try {
      return await result;
    } finally {
      this.inFlight.delete(operationId);
    }
  }

  private async carryOutReset(
    ctx: CallContext,
    actor: Actor,
    operation: OneTimeOperation,
    forceChange: boolean,
  ): Promise<ResetResult> {
    const { partnerCenter, operations } = this.options;
    const target = namesOf(operation);
    const traced = tracing(ctx);
    try {
      // The roles may have changed since the card was shown: the guard looks again, and refuses.
      const roles = privilegedRolesOf(
        await partnerCenter.getUserDirectoryRoles(traced.ctx, target.customerId, target.userId),
      );
      if (roles.length > 0) {
        const reason = { reason: 'privilegedTarget', roles: roles.map((role) => role.name).join(', ') };
        await operations.complete(operation.id, 'refused', reason, this.now());
        await this.record(ctx, actor, RESET_PASSWORD, 'denied', target, {
          ...reason,
          operationId: operation.id,
          partnerCenterRequestIds: traced.requestIds,
        });
        return { kind: 'refused', target, roles };
      }
      const password = this.generate(this.options.passwordLength);
      await partnerCenter.resetUserPassword(
        traced.ctx,
        target.customerId,
        target.userId,
        password,
        forceChange,
      );
      const at = this.now();
      await operations.complete(
        operation.id,
        'succeeded',
        { forceChange, partnerCenterRequestId: traced.requestIds.at(-1) ?? '' },
        at,
      );
      await this.record(ctx, actor, RESET_PASSWORD, 'succeeded', target, {
        operationId: operation.id,
        forceChange,
        partnerCenterRequestIds: traced.requestIds,
      });
      return { kind: 'reset', target, password, forceChange, by: actor.name ?? actor.id, at };
    } catch (error) {
      await this.recordFailure(ctx, actor, RESET_PASSWORD, operation, target, traced.requestIds, error);
      if (isAppError(error) && error.code === 'PC_NOT_FOUND') return { kind: 'userGone', target };
      throw error;
    }
  }

  // Restore

  async prepareRestore(
    ctx: CallContext,
    actor: Actor,
    customerId: string,
    userId: string,
    origin: ConfirmationOrigin,
  ): Promise<RestorePreparation> {
    const { partnerCenter } = this.options;
    const customer = await orNothing(partnerCenter.getCustomer(ctx, customerId));
    if (!customer) return { kind: 'customerNotFound' };
    const { users } = await listAllUsers(partnerCenter, ctx, customerId, 'deleted');
    const deleted = users.find((user) => user.id.toLowerCase() === userId.toLowerCase());
    if (deleted) return this.prepareRestoreOf(ctx, actor, customer, deleted, origin);
    const active = await orNothing(partnerCenter.getUser(ctx, customerId, userId));
    if (active?.state === 'active') return { kind: 'alreadyActive', target: targetNames(customer, active) };
    return { kind: 'notFound', customer };
  }

  /** The deleted user is known: still in its window, and its UPN not taken by a newer user? */
  async prepareRestoreOf(
    ctx: CallContext,
    actor: Actor,
    customer: Customer,
    deleted: CustomerUser,
    origin: ConfirmationOrigin,
  ): Promise<RestorePreparation> {
    const target = targetNames(customer, deleted);
    const window = restoreWindow(deleted, this.now());
    if (!window.restorable) return { kind: 'purged', target, window };
    const { users } = await listAllUsers(this.options.partnerCenter, ctx, customer.id, 'active');
    const holder = users.find((user) => sameUpn(user.userPrincipalName, deleted.userPrincipalName));
    if (holder) return { kind: 'conflict', target, holder };
    const operation = await this.create(RESTORE_USER, actor, target, origin);
    return { kind: 'confirm', operationId: operation.id, target, window };
  }

  async confirmRestore(ctx: CallContext, actor: Actor, operationId: string): Promise<RestoreResult> {
    const { partnerCenter, operations } = this.options;
    const claim = await operations.claim(operationId, RESTORE_USER, actor, this.now());
    if (!claim.claimed) return this.problem(claim);
    const operation = claim.operation;
    const target = namesOf(operation);
    const origin: ConfirmationOrigin = operation.facts.origin === 'deletedUsers' ? 'deletedUsers' : 'message';
    const traced = tracing(ctx);
    try {
      await partnerCenter.restoreUser(traced.ctx, target.customerId, target.userId);
    } catch (error) {
      await this.recordFailure(ctx, actor, RESTORE_USER, operation, target, traced.requestIds, error);
      const code = errorCodeOf(error);
      if (code === 'PC_CONFLICT') return { kind: 'conflict', target, origin };
      // The user was in the deleted list when the card was made: gone now means the window has closed.
      if (code === 'PC_NOT_FOUND') return { kind: 'purged', target, origin };
      throw error;
    }
    const at = this.now();
    await operations.complete(
      operation.id,
      'succeeded',
      { partnerCenterRequestId: traced.requestIds.at(-1) ?? '' },
      at,
    );
    await this.record(ctx, actor, RESTORE_USER, 'succeeded', target, {
      operationId: operation.id,
      partnerCenterRequestIds: traced.requestIds,
    });
    return { kind: 'restored', target, origin, by: actor.name ?? actor.id, at };
  }

  // Building blocks

  private create(kind: string, actor: Actor, target: TargetNames, origin: ConfirmationOrigin) {
    const facts: OperationFacts = {
      companyName: target.companyName,
      displayName: target.displayName,
      userPrincipalName: target.userPrincipalName,
      origin,
    };
    return this.options.operations.create({
      kind,
      customerId: target.customerId,
      targetUserId: target.userId,
      facts,
      createdBy: actor.id,
      expiresAt: new Date(this.now().getTime() + CONFIRMATION_TTL_MS),
    });
  }

  private problem(claim: Exclude<Awaited<ReturnType<OneTimeOperations['claim']>>, { claimed: true }>) {
    if (claim.reason === 'unknown') return { kind: 'unknown' } as const;
    const { operation } = claim;
    const target = namesOf(operation);
    if (claim.reason === 'expired') return { kind: 'expired', target } as const;
    return {
      kind: 'alreadyDone',
      done: {
        target,
        status: operation.status,
        by: operation.claimedByName ?? operation.claimedBy ?? '',
        at: operation.completedAt ?? operation.claimedAt,
      },
    } as const;
  }

  private async recordFailure(
    ctx: CallContext,
    actor: Actor,
    action: string,
    operation: OneTimeOperation,
    target: TargetNames,
    requestIds: string[],
    error: unknown,
  ): Promise<void> {
    const code = errorCodeOf(error);
    const details = isAppError(error) ? error.details : {};
    await this.options.operations.complete(operation.id, 'failed', { code }, this.now());
    await this.record(ctx, actor, action, 'failed', target, {
      operationId: operation.id,
      code,
      ...(typeof details.httpStatus === 'number' && { httpStatus: details.httpStatus }),
      ...(typeof details.partnerCode === 'string' && { partnerCode: details.partnerCode }),
      partnerCenterRequestIds: requestIds,
    });
  }

  private async record(
    ctx: CallContext,
    actor: Actor,
    action: string,
    outcome: AuditOutcome,
    target: TargetNames,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.options.audit.append({
      actorId: actor.id,
      actorName: actor.name,
      roles: [...actor.roles],
      action,
      outcome,
      customerId: target.customerId,
      targetUserId: target.userId,
      correlationId: ctx.correlationId,
      details: {
        ...details,
        userPrincipalName: target.userPrincipalName,
        partnerCenterCorrelationId: ctx.correlationId,
      },
    });
  }
}
