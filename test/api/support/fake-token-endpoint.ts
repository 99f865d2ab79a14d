import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * An offline Microsoft identity platform for MSAL's `system.networkClient`: it answers instance discovery
 * and OpenID metadata for any authority, and plays the token endpoint, recording every token request.
 * Access tokens are unsigned JWTs with the claims the simulator's `auth: 'claims'` mode checks.
 */

export interface TokenRequestRecord {
  url: string;
  form: URLSearchParams;
}

export type TokenReply = { status: number; body: Record<string, unknown> };

export interface FakeTokenEndpoint extends INetworkModule {
  readonly tokenRequests: TokenRequestRecord[];
  readonly metadataRequests: string[];
  /** Replace how the token endpoint answers (default: issueToken). */
  answerWith(reply: (form: URLSearchParams) => TokenReply): void;
}

export const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

export function decodeJwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

let issued = 0;

/** A successful token answer: App-only for client_credentials, App+User (scp user_impersonation) for refresh_token. */
export function issueToken(form: URLSearchParams, expiresInSeconds = 3600): TokenReply {
  const now = Math.floor(Date.now() / 1000);
  const appUser = form.get('grant_type') === 'refresh_token';
  issued += 1;
  const claims = {
    aud: PARTNER_CENTER_AUDIENCE,
    iss: 'https://sts.windows.net/11111111-2222-3333-4444-555555555555/',
    iat: now,
    nbf: now,
    exp: now + expiresInSeconds,
    tid: '11111111-2222-3333-4444-555555555555',
    appid: form.get('client_id'),
    jti: `token-${issued}`,
    ...(appUser
      ? {
          scp: 'user_impersonation',
          // The Secure Application Model's service account signs in with MFA (enforced since April 2026).
          amr: ['pwd', 'mfa'],
          upn: 'helpdesk@contoso.onmicrosoft.com',
          oid: 'a0b1c2d3-0000-4000-8000-000000000001',
        }
      : { idtyp: 'app', roles: [], oid: 'a0b1c2d3-0000-4000-8000-000000000002' }),
  };
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: expiresInSeconds,
      ext_expires_in: expiresInSeconds,
      access_token: unsignedJwt(claims),
      ...(appUser ? { scope: form.get('scope') ?? '', refresh_token: `rotated-refresh-${issued}` } : {}),
    },
  };
}

function respond<T>(status: number, body: unknown): NetworkResponse<T> {
  return { status, headers: { 'content-type': 'application/json' }, body: body as T };
}

export function fakeTokenEndpoint(): FakeTokenEndpoint {
  const tokenRequests: TokenRequestRecord[] = [];
  const metadataRequests: string[] = [];
  let reply: (form: URLSearchParams) => TokenReply = (form) => issueToken(form);

  return {
    tokenRequests,
    metadataRequests,
    answerWith(next) {
      reply = next;
    },
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      metadataRequests.push(url);
      const parsed = new URL(url);
      if (parsed.pathname.endsWith('/discovery/instance')) {
        const authorize = new URL(parsed.searchParams.get('authorization_endpoint') ?? url);
        const tenant = authorize.pathname.split('/')[1];
        return respond(200, {
          tenant_discovery_endpoint: `${authorize.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            { preferred_network: authorize.host, preferred_cache: authorize.host, aliases: [authorize.host] },
          ],
        });
      }
      if (parsed.pathname.endsWith('/.well-known/openid-configuration')) {
        const tenantBase = `${parsed.origin}/${parsed.pathname.split('/')[1]}`;
        return respond(200, {
          token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
          authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
          issuer: `${tenantBase}/v2.0`,
          jwks_uri: `${parsed.origin}/common/discovery/v2.0/keys`,
        });
      }
      return respond(404, { error: 'not_found' });
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      const form = new URLSearchParams(options?.body ?? '');
      tokenRequests.push({ url, form });
      const answer = reply(form);
      return respond(answer.status, answer.body);
    },
  };
}
