import { isoSeconds } from '../clock';
import type { CustomerRecord, UserRecord } from '../data/records';
import { tenantDirectoryRoles } from '../data/seed-data';
import { type GdapRequirement, gdapRequirements } from '../domain/gdap-requirements';
import { passwordProblem } from '../domain/password-policy';
import { restore, softDelete } from '../domain/user-lifecycle';
import { collection, link, pagedCollection, queryParam } from '../protocol/collections';
import { errors } from '../protocol/errors';
import { type FilterSupport, parseFilter } from '../protocol/filters';
import {
  enumValue,
  field,
  type JsonObject,
  optionalBoolean,
  optionalObject,
  optionalString,
} from '../protocol/request-body';
import type { ApiReply, ApiRequest, ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { activeUserOf, customerDataOf, customerOf, userOf } from './lookups';

/** B1-B9: users, deleted users, update, reset password, delete, restore, directory roles (reference §5). */
export function userRoutes(state: SimulatorState): ApiRoute[] {
  const users = '/v1/customers/{customer-tenant-id}/users';
  const user = `${users}/{user-id}`;
  return [
    {
      method: 'GET',
      template: users,
      access: 'user-only',
      gdap: () => gdapRequirements.readUsers,
      handle: (request) => listUsers(state, request),
    },
    {
      method: 'POST',
      template: users,
      access: 'user-only',
      gdap: () => gdapRequirements.createUser,
      handle: (request) => createUser(state, request),
    },
    {
      method: 'GET',
      template: user,
      access: 'user-only',
      gdap: () => gdapRequirements.readUsers,
      handle: (request) => {
        const found = activeUserOf(state, request);
        return { status: 200, body: userView(found.customer, found.user) };
      },
    },
    {
      method: 'PATCH',
      template: user,
      access: 'user-only',
      gdap: patchRequirement,
      handle: (request) => patchUser(state, request),
    },
    {
      method: 'PATCH',
      template: `${user}/resetpassword`,
      access: 'user-only',
      gdap: () => gdapRequirements.resetPassword,
      handle: (request) => resetPassword(state, request, requiredBody(request), 'password-only'),
    },
    {
      method: 'DELETE',
      template: user,
      access: 'user-only',
      gdap: () => gdapRequirements.deleteUser,
      handle: (request) => deleteUser(state, request),
    },
    {
      method: 'GET',
      template: `${user}/directoryroles`,
      access: 'user-only',
      gdap: () => gdapRequirements.readDirectoryRoles,
      handle: (request) => {
        const { user: found } = activeUserOf(state, request);
        const held = tenantDirectoryRoles.filter((role) => found.roleIds.includes(role.id));
        return { status: 200, body: collection(held.map(roleView)) };
      },
    },
    {
      method: 'GET',
      template: '/v1/customers/{customer-tenant-id}/directoryroles',
      access: 'user-only',
      gdap: () => gdapRequirements.readDirectoryRoles,
      handle: (request) => {
        customerOf(state, request);
        return { status: 200, body: collection(tenantDirectoryRoles.map(roleView)) };
      },
    },
  ];
}

/** B1 lists active users; B3 lists deleted ones with the UserState filter (reference §2.7). */
const userFilter: FilterSupport = { UserState: ['equals'] };

function listUsers(state: SimulatorState, request: ApiRequest): ApiReply {
  const customer = customerOf(state, request);
  const filterText = queryParam(request.query, 'filter');
  let wanted: UserRecord['state'] = 'active';
  if (filterText !== undefined) {
    const value = parseFilter(filterText, userFilter).value.toLowerCase();
    if (value !== 'active' && value !== 'inactive')
      throw errors.invalidInput('UserState must be Active or Inactive');
    wanted = value;
  }
  const users = [...customerDataOf(state, customer, request.now).users.values()].filter(
    (u) => u.state === wanted,
  );
  return {
    status: 200,
    body: pagedCollection(users, request, state.config.paging, (user) => userView(customer, user)),
  };
}

/**
 * B4: creates an active user (200, as documented, echoing the passwordProfile). The UPN must use one of the
 * customer's domains and must not belong to another active user; a deleted user's UPN may be taken again,
 * which is how a restore later meets a UPN conflict.
 */
function createUser(state: SimulatorState, request: ApiRequest): ApiReply {
  const customer = customerOf(state, request);
  const body = requiredBody(request);
  const upn = optionalString(body, 'userPrincipalName');
  const displayName = optionalString(body, 'displayName');
  if (upn === undefined || displayName === undefined || displayName.trim() === '') {
    throw errors.invalidProperty('userPrincipalName and displayName are required');
  }
  const profile = optionalObject(body, 'passwordProfile');
  const password = optionalString(profile, 'password');
  if (password === undefined) throw errors.invalidProperty('passwordProfile.password is required');
  const problem = passwordProblem(password);
  if (problem) throw errors.invalidProperty(problem);
  const forceChangePassword = optionalBoolean(profile, 'forceChangePassword') ?? false;

  const domain = /^[^@\s]+@([^@\s]+)$/.exec(upn)?.[1]?.toLowerCase();
  if (!domain || !customer.customDomains.some((owned) => owned.toLowerCase() === domain)) {
    throw errors.invalidProperty("userPrincipalName must be alias@<one of the customer's domains>");
  }
  const data = customerDataOf(state, customer, request.now);
  const taken = [...data.users.values()].some(
    (other) => other.state === 'active' && other.userPrincipalName.toLowerCase() === upn.toLowerCase(),
  );
  if (taken) throw errors.conflictingProperty('userPrincipalName is already used');

  const user: UserRecord = {
    id: state.ids.guid(),
    userPrincipalName: upn,
    displayName,
    state: 'active',
    roleIds: [],
  };
  const fields = parseUpdate(state, request, customer, user, body);
  Object.assign(user, fields, { userPrincipalName: upn, displayName });
  data.users.set(user.id.toLowerCase(), user);
  return {
    status: 200,
    body: { ...userView(customer, user), passwordProfile: { password, forceChangePassword } },
    audit: userAudit(customer, user, 'create_customer_user', { newValue: userView(customer, user) }),
  };
}

/** The older PATCH .../users/{user-id} path does three jobs, told apart by the body; so do their GDAP roles. */
function patchRequirement(request: ApiRequest): GdapRequirement {
  if (field(request.body, 'state') !== undefined) return gdapRequirements.restoreUser;
  if (field(request.body, 'passwordProfile') !== undefined) return gdapRequirements.resetPassword;
  return gdapRequirements.updateUser;
}

/** The older PATCH .../users/{user-id} path does three jobs, told apart by the body. */
function patchUser(state: SimulatorState, request: ApiRequest): ApiReply {
  const body = requiredBody(request);
  if (field(body, 'state') !== undefined) return restoreUser(state, request, body);
  if (field(body, 'passwordProfile') !== undefined)
    return resetPassword(state, request, body, 'with-other-fields');
  return updateUser(state, request, body);
}

/** B5: changes the fields present; the user must be active. */
function updateUser(state: SimulatorState, request: ApiRequest, body: JsonObject): ApiReply {
  const { customer, user } = activeUserOf(state, request);
  const before = userView(customer, user);
  const update = parseUpdate(state, request, customer, user, body);
  Object.assign(user, update);
  const renamed =
    update.userPrincipalName !== undefined && update.userPrincipalName !== before.userPrincipalName;
  return {
    status: 200,
    body: userView(customer, user),
    audit: userAudit(
      customer,
      user,
      renamed ? 'update_customer_user_principal_name' : 'update_customer_user',
      {
        oldValue: before,
        newValue: userView(customer, user),
      },
    ),
  };
}

/**
 * B6: sets a new password; the answer echoes the password and forceChangePassword sent (reference §9.5).
 * On the older path other fields in the body are applied too, as a PATCH would.
 */
function resetPassword(
  state: SimulatorState,
  request: ApiRequest,
  body: JsonObject,
  scope: 'password-only' | 'with-other-fields',
): ApiReply {
  const { customer, user } = userOf(state, request);
  if (user.state !== 'active') throw errors.invalidProperty('the user is deleted; restore it first');
  const profile = optionalObject(body, 'passwordProfile');
  const password = optionalString(profile, 'password');
  if (password === undefined) throw errors.invalidProperty('passwordProfile.password is required');
  const problem = passwordProblem(password);
  if (problem) throw errors.invalidProperty(problem);
  const forceChangePassword = optionalBoolean(profile, 'forceChangePassword') ?? false;
  if (scope === 'with-other-fields') Object.assign(user, parseUpdate(state, request, customer, user, body));
  return {
    status: 200,
    body: { ...userView(customer, user), passwordProfile: { password, forceChangePassword } },
    audit: userAudit(customer, user, 'reset_customer_user_password', { newValue: { forceChangePassword } }),
  };
}

/** B7: soft delete; the user stays restorable for 30 days. */
function deleteUser(state: SimulatorState, request: ApiRequest): ApiReply {
  const { customer, user } = activeUserOf(state, request);
  softDelete(user, request.now);
  return { status: 204, audit: userAudit(customer, user, 'delete_customer_user', {}) };
}

/** B8: `state: active` restores a deleted user within its window; purged users are 404 60002. */
function restoreUser(state: SimulatorState, request: ApiRequest, body: JsonObject): ApiReply {
  if (enumValue(field(body, 'state'), ['active', 'inactive'] as const) !== 'active') {
    throw errors.invalidProperty('state can only be set to active (use DELETE to delete a user)');
  }
  const { customer, user } = userOf(state, request);
  if (user.state === 'active') return { status: 200, body: userView(customer, user) };
  const upn = user.userPrincipalName.toLowerCase();
  const users = customerDataOf(state, customer, request.now).users.values();
  if ([...users].some((other) => other.state === 'active' && other.userPrincipalName.toLowerCase() === upn)) {
    throw errors.conflictingProperty('an active user already has this userPrincipalName');
  }
  restore(user);
  return {
    status: 200,
    body: userView(customer, user),
    audit: userAudit(customer, user, 'restore_customer_user', {}),
  };
}

type UserUpdate = Partial<
  Pick<
    UserRecord,
    | 'firstName'
    | 'lastName'
    | 'displayName'
    | 'usageLocation'
    | 'phoneNumber'
    | 'immutableId'
    | 'userPrincipalName'
  >
>;

/** Validates every updatable field present before anything changes. */
function parseUpdate(
  state: SimulatorState,
  request: ApiRequest,
  customer: CustomerRecord,
  user: UserRecord,
  body: JsonObject,
): UserUpdate {
  const update: UserUpdate = {};
  for (const name of ['firstName', 'lastName', 'phoneNumber', 'immutableId'] as const) {
    const value = optionalString(body, name);
    if (value !== undefined) update[name] = value;
  }
  const displayName = optionalString(body, 'displayName');
  if (displayName !== undefined) {
    if (displayName.trim() === '') throw errors.invalidProperty('displayName must not be empty');
    update.displayName = displayName;
  }
  const usageLocation = optionalString(body, 'usageLocation');
  if (usageLocation !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(usageLocation))
      throw errors.invalidProperty('usageLocation must be an ISO country code');
    update.usageLocation = usageLocation;
  }
  const upn = optionalString(body, 'userPrincipalName');
  if (upn !== undefined && upn.toLowerCase() !== user.userPrincipalName.toLowerCase()) {
    const domain = /^[^@\s]+@([^@\s]+)$/.exec(upn)?.[1]?.toLowerCase();
    if (!domain || !customer.customDomains.some((owned) => owned.toLowerCase() === domain)) {
      throw errors.invalidProperty("userPrincipalName must be alias@<one of the customer's domains>");
    }
    const users = customerDataOf(state, customer, request.now).users.values();
    if ([...users].some((other) => other.userPrincipalName.toLowerCase() === upn.toLowerCase())) {
      throw errors.conflictingProperty('userPrincipalName is already used');
    }
  }
  if (upn !== undefined) update.userPrincipalName = upn;
  return update;
}

function requiredBody(request: ApiRequest): JsonObject {
  if (!request.body) throw errors.invalidInput('a JSON body is required');
  return request.body;
}

function userAudit(
  customer: CustomerRecord,
  user: UserRecord,
  operationType: string,
  values: { oldValue?: unknown; newValue?: unknown },
) {
  return {
    customer,
    resourceType: 'customer_user',
    operationType,
    ...values,
    customizedData: [
      { key: 'CustomerUserId', value: user.id },
      { key: 'UserPrincipalName', value: user.userPrincipalName },
    ],
  };
}

/** The documented CustomerUser shape; passwordProfile only ever appears in a reset answer. */
function userView(customer: CustomerRecord, user: UserRecord) {
  return {
    usageLocation: user.usageLocation,
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    phoneNumber: user.phoneNumber,
    immutableId: user.immutableId,
    userDomainType: 'none',
    state: user.state,
    softDeletionTime: user.softDeletionTime && isoSeconds(user.softDeletionTime),
    links: { self: link(`/customers/${customer.id}/users/${user.id}`) },
    attributes: { objectType: 'CustomerUser' },
  };
}

function roleView(role: { id: string; name: string }) {
  return { id: role.id, name: role.name, attributes: { objectType: 'DirectoryRole' } };
}
