import { STATUS_CODES } from 'node:http';

/**
 * Partner Center error answers (reference §2.8). Every endpoint here predates the newer error shape,
 * so errors use the legacy shape `{code, description, data, source}`; throttling uses its own shape.
 */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
    this.name = 'SimError';
  }

  body(): unknown {
    return { code: this.code, description: this.description, data: this.data(), source: 'PartnerFD' };
  }

  /** The legacy shape's `data`: strings such as `"<ExceptionName> : <detail>"` (reference §2.8). */
  protected data(): string[] {
    return [];
  }
}

/**
 * 403 for a user operation the partner's GDAP relationships with the customer do not cover. Partner Center
 * documents the roles per operation ("GDAP roles: you'll need at least one of …") but not this answer; the
 * code, the description (the .NET SDK's wording for 403) and the `data` entry are [INFERRED].
 */
class GdapRoleMissingError extends SimError {
  constructor(readonly roleNames: readonly string[]) {
    super(403, 2032, 'The supplied role does not have the rights to perform the requested operation.');
  }

  protected override data(): string[] {
    return [`InsufficientGdapRoleException : requires one of ${this.roleNames.join(', ')}`];
  }
}

/** 429 with `Retry-After` and the throttling body `{statusCode, message}` (reference §2.9). */
class ThrottledError extends SimError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 429, `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`, {
      'Retry-After': String(retryAfterSeconds),
    });
  }

  override body(): unknown {
    return { statusCode: 429, message: this.description };
  }
}

const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'OAuth realm="https://api.partnercenter.microsoft.com"' };

/** The catalog of documented error codes the simulator raises (reference §2.8 table). */
export const errors = {
  invalidInput: (detail?: string) =>
    new SimError(400, 800002, detail ? `Invalid request input: ${detail}` : 'Invalid request input'),
  invalidProperty: (detail: string) => new SimError(400, 3000, `Invalid property: ${detail}`),
  conflictingProperty: (detail: string) => new SimError(409, 3000, `Invalid property: ${detail}`),
  tokenMissing: () => new SimError(401, 800001, 'Partner Token missing in request context', WWW_AUTHENTICATE),
  tokenInvalid: () => new SimError(401, 400, 'Access denied', WWW_AUTHENTICATE),
  accessDenied: () => new SimError(403, 2032, 'Access denied'),
  /** App+User token without the MFA claim, enforced since April 2026 (401 with code 900421). */
  mfaRequired: () =>
    new SimError(
      401,
      900421,
      'Multifactor authentication is required: the App+User access token has no MFA claim (amr).',
      WWW_AUTHENTICATE,
    ),
  gdapRoleMissing: (roleNames: readonly string[]) => new GdapRoleMissingError(roleNames),
  notFound: () => new SimError(404, 1000, 'Not found'),
  userNotFound: () => new SimError(404, 60002, 'User object Id is not found'),
  tenantNotFound: () => new SimError(404, 60003, 'Tenant not found'),
  orderNotFound: () => new SimError(404, 20000, 'Order Id not found'),
  subscriptionNotFound: (id: string) => new SimError(404, 20003, `Subscription with id ${id} not found.`),
  provisioningUnavailable: () => new SimError(404, 800007, 'Unable to retrieve provisioning information'),
  quantityChangeWhileSuspended: () =>
    new SimError(
      400,
      2001,
      'Subscription quantity cannot be increased or decreased while subscription is being suspended',
    ),
  deletedSubscription: (id: string) =>
    new SimError(400, 2011, `Subscription with id ${id} and deleted status cannot be updated.`),
  staleEtag: (status: 400 | 412) => new SimError(status, 2055, 'Etag is no longer valid'),
  suspendedSubscription: () =>
    new SimError(400, 800091, 'Cannot update a subscription with suspended status'),
  parentNotActive: () =>
    new SimError(
      409,
      27009,
      'Cannot enable a child subscription, when the parent subscription is not Active',
    ),
  conflict: (detail: string) => new SimError(409, 800002, `Invalid request input: ${detail}`),
  unexpected: () => new SimError(500, 800003, 'Unexpected service error'),
  throttled: (retryAfterSeconds: number) => new ThrottledError(retryAfterSeconds),
};

/** The documented error for an HTTP status, used by fault injection. */
export function errorForStatus(status: number, retryAfterSeconds: number): SimError {
  switch (status) {
    case 400:
      return errors.invalidInput();
    case 401:
      return errors.tokenInvalid();
    case 403:
      return errors.accessDenied();
    case 404:
      return errors.notFound();
    case 409:
      return errors.conflict('the request conflicts with the current state of the resource');
    case 412:
      return errors.staleEtag(412);
    case 429:
      return errors.throttled(retryAfterSeconds);
    case 500:
      return errors.unexpected();
    default:
      return new SimError(status, 800003, STATUS_CODES[status] ?? 'Unexpected service error');
  }
}
