/**
 * What the bot may read from its own Partner Center access tokens, without checking them (Partner Center
 * does that): who the token is for, whether the sign-in used multifactor authentication (the `amr` claim
 * holds `mfa`) and when it expires. The token itself is never kept here or logged.
 */
export interface AccessTokenFacts {
  /** `oid` of the signed-in user, absent for App-only tokens. */
  userObjectId?: string;
  /** `upn`, `unique_name` or `preferred_username`. */
  userPrincipalName?: string;
  /** `amr` contains `mfa`. */
  mfa: boolean;
  /** From `exp`, in ms since the epoch. */
  expiresAt?: number;
}

export function readAccessToken(token: string): AccessTokenFacts {
  const claims = payloadOf(token);
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  const exp = claims.exp;
  return {
    userObjectId: text('scp') === undefined ? undefined : text('oid'),
    userPrincipalName: text('upn') ?? text('unique_name') ?? text('preferred_username'),
    mfa: amr.includes('mfa'),
    expiresAt: typeof exp === 'number' ? exp * 1000 : undefined,
  };
}

function payloadOf(token: string): Record<string, unknown> {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
