import { jwtClaims } from '../identity/jwt';
import { errors } from '../protocol/errors';
import type { JsonObject } from '../protocol/request-body';

/**
 * Who is calling (reference §2.2). In 'claims' mode the Bearer token must be a JWT (its signature is not
 * checked) for the Partner Center audience that has not expired; a token whose `scp` holds
 * `user_impersonation` is App+User, a token without `scp` is App-only. Since April 2026 Partner Center
 * refuses every App+User call whose token lacks the MFA claim (`amr` containing `mfa`) with 401 and code
 * 900421 (Microsoft's "Partner Center authentication" page; the answer's code is from partner notices).
 * In 'off' mode nothing is required, and a readable token only names the caller.
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
  /** The token's `amr` holds `mfa`. */
  mfa: boolean;
}

/** When App+User tokens without MFA are refused: from 1 April 2026 (Partner Center authentication page). */
export const MFA_ENFORCED_FROM = new Date('2026-04-01T00:00:00Z');

/** Which token types an operation accepts (reference §1 Auth column). */
export type Access = 'app-or-user' | 'user-only';

const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';

/** The partner user assumed when auth is off and no token names anyone (an Admin agent from reference §8). */
const defaultCaller: Caller = {
  kind: 'app+user',
  subject: 'simulator-default-caller',
  displayName: 'John Johnson',
  userPrincipalName: 'john@contoso.onmicrosoft.com',
  mfa: true,
};

/**
 * The caller of an operation with the given access; 401 800001 / 401 400 / 401 900421 / 403 2032 in
 * 'claims' mode. `mfaEnforcedFrom` null never enforces MFA.
 */
export function authenticate(
  mode: AuthMode,
  authorization: string | undefined,
  access: Access,
  now: Date,
  mfaEnforcedFrom: Date | null = MFA_ENFORCED_FROM,
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
  const mfaEnforced = mfaEnforcedFrom !== null && now.getTime() >= mfaEnforcedFrom.getTime();
  if (caller.kind === 'app+user' && !caller.mfa && mfaEnforced) throw errors.mfaRequired();
  if (access === 'user-only' && caller.kind !== 'app+user') throw errors.accessDenied();
  return caller;
}

/** Whose token a request carried, read without any check: `oid`, `sub` or app id; '(none)' without a token. */
export function bearerSubject(authorization: string | undefined): string {
  if (!authorization) return NO_TOKEN;
  const claims = bearerClaims(authorization);
  return claims ? callerFrom(claims).subject : 'unreadable';
}

export const NO_TOKEN = '(none)';

function bearerClaims(authorization: string): JsonObject | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match?.[1] ? jwtClaims(match[1]) : undefined;
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
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return {
    mfa: amr.includes('mfa'),
    kind,
    subject: text('oid') ?? text('sub') ?? applicationId ?? 'unknown',
    displayName: text('name') ?? userPrincipalName ?? applicationId ?? 'Unknown caller',
    userPrincipalName,
    applicationId,
  };
}
