import type { Customer, Page } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { AppError } from '../errors';
import type { AuditLog } from '../store/store';
import { scopeAllows } from './customer-scope';

/**
 * Customer-scoped roles, enforced where every Partner Center call passes: a call for one customer outside
 * the caller's scope (`ctx.customerAccess`, set by the router for the route being run) is refused with
 * CUSTOMER_NOT_ALLOWED before it leaves the bot, and the refusal is written to the audit log; customer
 * searches and lists only return customers inside the scope. Calls without `customerAccess` (background
 * work, no caller) are not limited. Dialogs need no changes: they already pass `callContextOf(turn.info)`.
 */

type Method = keyof PartnerCenter;

/** Methods whose second argument is a customer tenant id. */
const customerMethods = new Set<Method>([
  'getCustomer',
  'listUsers',
  'listDeletedUsers',
  'getUser',
  'getUserDirectoryRoles',
  'resetUserPassword',
  'restoreUser',
  'listSubscriptions',
  'getSubscription',
  'getProvisioningStatus',
  'setSubscriptionStatus',
  'listServiceRequests',
] satisfies Method[]);

/** Methods answering a page of customers. */
const customerPageMethods = new Set<Method>(['searchCustomers', 'listCustomers'] satisfies Method[]);

export function scopeToCustomers<T extends PartnerCenter>(inner: T, audit: AuditLog): T {
  const refuse = async (ctx: CallContext, customerId: string, method: string): Promise<never> => {
    const access = ctx.customerAccess;
    await audit.append({
      actorId: access?.actor.aadObjectId ?? 'unknown',
      actorName: access?.actor.name,
      roles: [...(access?.actor.roles ?? [])],
      action: `authorize:${access?.action ?? method}`,
      outcome: 'denied',
      customerId,
      correlationId: ctx.correlationId,
      details: { permission: access?.permission, reason: 'CUSTOMER_NOT_ALLOWED', operation: method },
    });
    throw new AppError('CUSTOMER_NOT_ALLOWED', `Customer ${customerId} is outside the caller's scope`, {
      customerId,
      permission: access?.permission,
      operation: method,
    });
  };

  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (customerMethods.has(property as Method)) {
        return async (ctx: CallContext, customerId: string, ...rest: unknown[]) => {
          const scope = ctx.customerAccess?.scope;
          if (scope && !scopeAllows(scope, String(customerId)))
            await refuse(ctx, customerId, String(property));
          return method.call(target, ctx, customerId, ...rest);
        };
      }
      if (customerPageMethods.has(property as Method)) {
        return async (ctx: CallContext, ...rest: unknown[]) => {
          const page = (await method.call(target, ctx, ...rest)) as Page<Customer>;
          const scope = ctx.customerAccess?.scope;
          if (!scope) return page;
          return { ...page, items: page.items.filter((customer) => scopeAllows(scope, customer.id)) };
        };
      }
      return method.bind(target);
    },
  });
}
