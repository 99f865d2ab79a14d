import type { Permission, Role } from './roles';

/**
 * Which customers a role assignment covers. The role file may limit an assignment to a list of customer
 * tenant ids (`customers`) or exclude some (`excludeCustomers`); without either it covers every customer.
 * A caller's scope for a permission is the union of the scopes of every assignment they hold that grants
 * the permission.
 */
export type CustomerScope =
  | { kind: 'all' }
  | { kind: 'only'; customerIds: ReadonlySet<string> }
  | { kind: 'except'; customerIds: ReadonlySet<string> };

export const allCustomers: CustomerScope = Object.freeze({ kind: 'all' });
export const noCustomers: CustomerScope = Object.freeze({ kind: 'only', customerIds: new Set<string>() });

export function onlyCustomers(ids: readonly string[]): CustomerScope {
  return { kind: 'only', customerIds: new Set(ids.map((id) => id.toLowerCase())) };
}

export function exceptCustomers(ids: readonly string[]): CustomerScope {
  return { kind: 'except', customerIds: new Set(ids.map((id) => id.toLowerCase())) };
}

export function scopeAllows(scope: CustomerScope, customerId: string): boolean {
  const id = customerId.toLowerCase();
  switch (scope.kind) {
    case 'all':
      return true;
    case 'only':
      return scope.customerIds.has(id);
    case 'except':
      return !scope.customerIds.has(id);
  }
}

/** The customers either scope covers. */
export function unionOf(a: CustomerScope, b: CustomerScope): CustomerScope {
  if (a.kind === 'all' || b.kind === 'all') return allCustomers;
  if (a.kind === 'only' && b.kind === 'only')
    return { kind: 'only', customerIds: new Set([...a.customerIds, ...b.customerIds]) };
  if (a.kind === 'except' && b.kind === 'except') {
    return { kind: 'except', customerIds: new Set([...a.customerIds].filter((id) => b.customerIds.has(id))) };
  }
  const only = a.kind === 'only' ? a : (b as { customerIds: ReadonlySet<string> });
  const except = a.kind === 'except' ? a : (b as { customerIds: ReadonlySet<string> });
  const excluded = [...except.customerIds].filter((id) => !only.customerIds.has(id));
  return excluded.length === 0 ? allCustomers : { kind: 'except', customerIds: new Set(excluded) };
}

/**
 * The customer scope a turn's Partner Center calls run under, with what an audit row of a refusal needs:
 * set by the router from the authorization decision of the route being run, carried in the CallContext.
 */
export interface CustomerAccess {
  scope: CustomerScope;
  permission: Permission;
  /** The route being run, e.g. 'user.resetPassword.confirm'. */
  action: string;
  actor: { aadObjectId?: string; name?: string; roles: readonly Role[] };
}

/** For logs and `doctor`: 'all', 'only 2', 'all but 1'. */
export function describeScope(scope: CustomerScope): string {
  if (scope.kind === 'all') return 'all customers';
  const count = scope.customerIds.size;
  return scope.kind === 'only' ? `only ${count} customer(s)` : `all but ${count} customer(s)`;
}
