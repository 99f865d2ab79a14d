import { isJsonObject, type JsonObject } from '../protocol/request-body';

/**
 * The simulator's tokens are unsigned JWTs (`alg: none`): the simulated Partner Center reads their claims
 * and never checks a signature, so nothing here is secret.
 */
function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function unsignedJwt(claims: Readonly<Record<string, unknown>>): string {
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** The payload of a JWT, unchecked; undefined when it is not one. */
export function jwtClaims(token: string): JsonObject | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return isJsonObject(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

export function textClaim(claims: JsonObject, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' ? value : undefined;
}
