import { AppError } from '../errors';
import type { Logger } from '../log';
import type { GdapDirectory } from './gdap-relationships';
import {
  type GdapOperation,
  type GdapRequirement,
  gdapRequirements,
  roleName,
  satisfies,
} from './gdap-roles';
import type { CallContext, PartnerCenter } from './partner-center';
import { PartnerCenterError } from './partner-center-error';

/**
 * GDAP pre-flight for customer-user operations: before the call, the partner's active GDAP relationships
 * with the customer (from Graph) must grant one of the roles the operation needs, else
 * GdapRoleMissingError says which roles, on which customer, and what is granted. When Graph cannot say,
 * the call is made, and Partner Center's 403 (other than 20002, "no commerce relationship") becomes the
 * same error. Dialogs catch nothing: the router turns the error into the missing-role card.
 */

export type GdapEvidence = 'gdap-relationships' | 'partner-center-403';

export class GdapRoleMissingError extends AppError {
  constructor(
    readonly customerId: string,
    readonly requirement: GdapRequirement,
    /** Role template ids the customer's active relationships grant; undefined when unknown. */
    readonly grantedRoleIds: readonly string[] | undefined,
    readonly evidence: GdapEvidence,
    /** The customer's company name, when it could be read. */
    readonly customerName?: string,
    options?: ErrorOptions,
  ) {
    const needed = requirement.anyOf.map((role) => role.name);
    super(
      'GDAP_ROLE_MISSING',
      `GDAP role missing on customer ${customerId} for ${requirement.operation}: needs one of ${needed.join(', ')}`,
      {
        customerId,
        operation: requirement.operation,
        requiredRoles: needed,
        grantedRoles: grantedRoleIds?.map(roleName),
        evidence,
      },
      options,
    );
    this.name = 'GdapRoleMissingError';
  }
}

type Method = keyof PartnerCenter;

const operations: Partial<Record<Method, GdapOperation>> = {
  listUsers: 'readUsers',
  listDeletedUsers: 'readUsers',
  getUser: 'readUsers',
  getUserDirectoryRoles: 'readDirectoryRoles',
  resetUserPassword: 'resetPassword',
  restoreUser: 'restoreUser',
};

/** Partner Center's "no commerce relationship with the customer": a 403 that is not about GDAP. */
const NO_COMMERCE_RELATIONSHIP = '20002';

export function guardGdap<T extends PartnerCenter>(
  inner: T,
  directory: GdapDirectory | undefined,
  logger: Logger,
): T {
  const granted = async (ctx: CallContext, customerId: string): Promise<Set<string> | undefined> => {
    if (!directory) return undefined;
    try {
      return await directory.grantedRoleIds(ctx, customerId);
    } catch (error) {
      logger.warn(
        { correlationId: ctx.correlationId, customerId, err: error },
        'GDAP pre-flight unavailable: asking Partner Center directly',
      );
      return undefined;
    }
  };

  /** The company name for the error card, best effort (customer reads are cached). */
  const nameOf = async (ctx: CallContext, customerId: string): Promise<string | undefined> => {
    try {
      return (await inner.getCustomer(ctx, customerId)).companyProfile.companyName;
    } catch {
      return undefined;
    }
  };

  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      const operation = operations[property as Method];
      if (!operation) return method.bind(target);
      const requirement = gdapRequirements[operation];
      return async (ctx: CallContext, customerId: string, ...rest: unknown[]) => {
        const roleIds = await granted(ctx, customerId);
        if (roleIds && !satisfies(requirement, roleIds)) {
          const name = await nameOf(ctx, customerId);
          throw new GdapRoleMissingError(customerId, requirement, [...roleIds], 'gdap-relationships', name);
        }
        try {
          return await method.call(target, ctx, customerId, ...rest);
        } catch (error) {
          if (
            error instanceof PartnerCenterError &&
            error.httpStatus === 403 &&
            error.partnerCode !== NO_COMMERCE_RELATIONSHIP
          ) {
            const name = await nameOf(ctx, customerId);
            throw new GdapRoleMissingError(
              customerId,
              requirement,
              roleIds && [...roleIds],
              'partner-center-403',
              name,
              { cause: error },
            );
          }
          throw error;
        }
      };
    },
  });
}
