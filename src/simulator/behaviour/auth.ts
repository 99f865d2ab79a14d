import { errors } from '../protocol/errors';
import { isJsonObject, type JsonObject } from '../protocol/request-body';

/**
 * Who is calling (reference §2.2). In 'claims' mode the Bearer token must be a JWT (its signature is not
 * checked) for the Partner Center audience that has not expired; a token whose `scp` holds
 * `user_impersonation` is App+User, a token without `scp` is App-only. In 'off' mode nothing is required,
 * and a readable token only names the caller.
 */
export type AuthMode = 'off' | 'claims';

export type CallerKind = 'app+user' | 'app';

export interface Caller {
  kind: CallerKind;
  /** Stable identity of the caller: `oid`, else `sub`, else the application id. */
  subject: string;
  displayName: string;
  userPrincipalName?: string;
  applicationId?: string;
}

/** Which token types an operation accepts (reference §1 Auth column). */
export type Access = 'app-or-user' | 'user-only';

const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';

/** The partner user assumed when auth is off and no token names anyone (an Admin agent from reference §8). */
const defaultCaller: Caller = {
  kind: 'app+user',
  subject: 'simulator-default-caller',
  displayName: 'John Johnson',
  userPrincipalName: 'john@contoso.onmicrosoft.com',
};

/** The caller of an operation with the given access; 401 800001 / 401 400 / 403 2032 in 'claims' mode. */
export function authenticate(
  mode: AuthMode,
  authorization: string | undefined,
  access: Access,
  now: Date,
): Caller {
  if (mode === 'off') {
    const claims = authorization ? bearerClaims(authorization) : undefined;
    return claims ? callerFrom(claims) : defaultCaller;
  }
  if (!authorization) throw errors.tokenMissing();
  const claims = bearerClaims(authorization);
  if (!claims || !audienceMatches(claims.aud) || !isCurrent(claims, now)) throw errors.tokenInvalid();
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : undefined;
  if (scopes && !scopes.includes('user_impersonation')) throw errors.tokenInvalid();
  const caller = callerFrom(claims);
  if (access === 'user-only' && caller.kind !== 'app+user') throw errors.accessDenied();
  return caller;
}

function bearerClaims(authorization: string): JsonObject | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const payload = match?.[1]?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return isJsonObject(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

function audienceMatches(aud: unknown): boolean {
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some(
    (value) => typeof value === 'string' && value.replace(/\/$/, '') === PARTNER_CENTER_AUDIENCE,
  );
}

function isCurrent(claims: JsonObject, now: Date): boolean {
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) return false;
  return typeof claims.nbf !== 'number' || claims.nbf <= seconds;
}

function callerFrom(claims: JsonObject): Caller {
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const applicationId = text('appid') ?? text('azp');
  const userPrincipalName = text('upn') ?? text('unique_name') ?? text('preferred_username');
  const kind: CallerKind = text('scp') === undefined ? 'app' : 'app+user';
  return {
    kind,
    subject: text('oid') ?? text('sub') ?? applicationId ?? 'unknown',
    displayName: text('name') ?? userPrincipalName ?? applicationId ?? 'Unknown caller',
    userPrincipalName,
    applicationId,
  };
}
