import { randomBytes } from 'node:crypto';
import { type AgentRecord, findAgent } from '../data/agents';
import { stableGuid } from '../prng';
import type { JsonObject } from '../protocol/request-body';
import { jwtClaims, textClaim, unsignedJwt } from './jwt';

/**
 * The Microsoft identity platform's v2.0 token endpoint, as far as the bot uses it: the on-behalf-of grant
 * (an agent's Teams SSO token exchanged for a Partner Center token), the refresh-token grant (the Secure
 * Application Model's service account, or an agent's refresh token) and client credentials. Answers use
 * the documented success fields and the AADSTS error shape; the AADSTS numbers are the ones Entra ID uses.
 */

export const OBO_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const TOKEN_LIFETIME_SECONDS = 3599;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export type TokenAnswer =
  | { ok: true; body: Record<string, unknown>; grantType: string; subject: string }
  | { ok: false; status: number; error: string; code: number; description: string; grantType: string };

export interface RefreshGrantRecord {
  agentId: string;
  /** The app the refresh token was issued to; '*' for the seeded service account's (any app may redeem it). */
  clientId: string;
}

export interface GrantContext {
  tenant: string;
  now: Date;
  agents: readonly AgentRecord[];
  /** Refresh tokens the endpoint issued or was seeded with. */
  refreshTokens: Map<string, RefreshGrantRecord>;
}

function failure(
  grantType: string,
  status: number,
  error: string,
  code: number,
  description: string,
): TokenAnswer {
  return { ok: false, status, error, code, description: `AADSTS${code}: ${description}`, grantType };
}

/** Answers one POST to `/{tenant}/oauth2/v2.0/token` (the form already parsed). */
export function answerTokenRequest(form: URLSearchParams, context: GrantContext): TokenAnswer {
  const grantType = form.get('grant_type') ?? '';
  const clientId = form.get('client_id') ?? '';
  if (grantType === '') {
    return failure(
      grantType,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  }
  if (clientId === '') {
    return failure(
      grantType,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  if (!form.get('client_secret') && !form.get('client_assertion')) {
    return failure(
      grantType,
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  const scope = requestedScope(form.get('scope') ?? '');
  if (!scope) {
    return failure(
      grantType,
      400,
      'invalid_scope',
      70011,
      "The provided value for the input parameter 'scope' is not valid. The scope must name one resource.",
    );
  }
  switch (grantType) {
    case 'client_credentials':
      return clientCredentials(form, clientId, scope, context);
    case OBO_GRANT:
      return onBehalfOf(form, clientId, scope, context);
    case 'refresh_token':
      return refreshToken(form, clientId, scope, context);
    default:
      return failure(
        grantType,
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
  }
}

interface RequestedScope {
  resource: string;
  /** Delegated permission names, e.g. `user_impersonation`; `.default` is kept as requested. */
  permissions: string[];
  offlineAccess: boolean;
}

/** One resource's scopes (`<resource>/<permission>`), besides the OpenID Connect ones. */
function requestedScope(scopeText: string): RequestedScope | undefined {
  const scopes = scopeText.split(/\s+/).filter((scope) => scope !== '');
  const resourceScopes = scopes.filter((scope) => !OIDC_SCOPES.has(scope));
  const parsed = resourceScopes.map((scope) => {
    const slash = scope.lastIndexOf('/');
    return slash <= 0 ? undefined : { resource: scope.slice(0, slash), permission: scope.slice(slash + 1) };
  });
  const first = parsed[0];
  if (!first || parsed.some((item) => item?.resource !== first.resource)) return undefined;
  return {
    resource: first.resource,
    permissions: parsed.map((item) => item?.permission ?? ''),
    offlineAccess: scopes.includes('offline_access'),
  };
}

function clientCredentials(
  form: URLSearchParams,
  clientId: string,
  scope: RequestedScope,
  context: GrantContext,
): TokenAnswer {
  if (scope.permissions.length !== 1 || scope.permissions[0] !== '.default') {
    return failure(
      'client_credentials',
      400,
      'invalid_scope',
      1002012,
      'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    );
  }
  const roles = scope.resource === GRAPH_RESOURCE ? ['DelegatedAdminRelationship.Read.All'] : [];
  const claims = {
    ...baseClaims(scope.resource, context),
    appid: clientId,
    idtyp: 'app',
    oid: stableGuid(`service-principal:${clientId.toLowerCase()}`),
    sub: stableGuid(`service-principal:${clientId.toLowerCase()}`),
    roles,
  };
  return {
    ok: true,
    grantType: form.get('grant_type') ?? '',
    subject: clientId,
    body: tokenBody(unsignedJwt(claims), undefined, undefined),
  };
}

function onBehalfOf(
  form: URLSearchParams,
  clientId: string,
  scope: RequestedScope,
  context: GrantContext,
): TokenAnswer {
  if (form.get('requested_token_use') !== 'on_behalf_of') {
    return failure(
      OBO_GRANT,
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use'.",
    );
  }
  const assertion = form.get('assertion') ?? '';
  const claims = jwtClaims(assertion);
  if (!claims) {
    return failure(OBO_GRANT, 400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  if (!audienceIsClient(claims.aud, clientId)) {
    return failure(
      OBO_GRANT,
      400,
      'invalid_grant',
      50013,
      'Assertion failed signature validation. [Reason - The assertion audience does not match the client app presenting the assertion.]',
    );
  }
  if (!withinValidTime(claims, context.now)) {
    return failure(
      OBO_GRANT,
      400,
      'invalid_grant',
      500133,
      'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
    );
  }
  const subject = textClaim(claims, 'oid') ?? textClaim(claims, 'sub') ?? '';
  const agent = findAgent(context.agents, subject);
  if (!agent) {
    return failure(
      OBO_GRANT,
      400,
      'invalid_grant',
      50034,
      'The user account does not exist in the partner directory. To sign into this application, the account must be added to the directory.',
    );
  }
  return delegatedToken(OBO_GRANT, agent, clientId, scope, context);
}

function refreshToken(
  form: URLSearchParams,
  clientId: string,
  scope: RequestedScope,
  context: GrantContext,
): TokenAnswer {
  const grant = context.refreshTokens.get(form.get('refresh_token') ?? '');
  const agent = grant && findAgent(context.agents, grant.agentId);
  const issuedToClient = grant?.clientId === '*' || grant?.clientId.toLowerCase() === clientId.toLowerCase();
  if (!grant || !agent || !issuedToClient) {
    return failure('refresh_token', 400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
  }
  return delegatedToken('refresh_token', agent, clientId, scope, context);
}

/** An App+User token for the agent; its `amr` carries `mfa` only if the agent signed in with MFA. */
function delegatedToken(
  grantType: string,
  agent: AgentRecord,
  clientId: string,
  scope: RequestedScope,
  context: GrantContext,
): TokenAnswer {
  const permissions = scope.permissions.map((permission) =>
    permission === '.default' ? 'user_impersonation' : permission,
  );
  const claims = {
    ...baseClaims(scope.resource, context),
    appid: clientId,
    idtyp: 'user',
    oid: agent.id,
    sub: stableGuid(`subject:${agent.id}:${clientId.toLowerCase()}`),
    upn: agent.userPrincipalName,
    unique_name: agent.userPrincipalName,
    name: agent.displayName,
    scp: [...new Set(permissions)].join(' '),
    amr: agent.mfa ? ['pwd', 'mfa'] : ['pwd'],
  };
  let refresh: string | undefined;
  if (scope.offlineAccess || grantType === 'refresh_token') {
    refresh = `sim-rt.${randomBytes(24).toString('base64url')}`;
    context.refreshTokens.set(refresh, { agentId: agent.id, clientId });
  }
  const granted = [...new Set(permissions)].map((permission) => `${scope.resource}/${permission}`).join(' ');
  return { ok: true, grantType, subject: agent.id, body: tokenBody(unsignedJwt(claims), granted, refresh) };
}

function baseClaims(resource: string, context: GrantContext) {
  const issuedAt = Math.floor(context.now.getTime() / 1000);
  return {
    aud: resource,
    iss: `https://sts.windows.net/${context.tenant}/`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + TOKEN_LIFETIME_SECONDS,
    tid: context.tenant,
    ver: '1.0',
    jti: randomBytes(12).toString('base64url'),
  };
}

function tokenBody(accessToken: string, scope: string | undefined, refresh: string | undefined) {
  return {
    token_type: 'Bearer',
    ...(scope === undefined ? {} : { scope }),
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    ...(refresh === undefined ? {} : { refresh_token: refresh }),
  };
}

/** The assertion was issued to the app presenting it: its id, or an App ID URI ending with it. */
function audienceIsClient(aud: unknown, clientId: string): boolean {
  if (typeof aud !== 'string' || clientId === '') return false;
  const audience = aud.toLowerCase();
  const id = clientId.toLowerCase();
  return audience === id || audience.endsWith(`/${id}`) || audience.endsWith(`-${id}`);
}

function withinValidTime(claims: JsonObject, now: Date): boolean {
  const seconds = now.getTime() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds) return false;
  return typeof claims.nbf !== 'number' || claims.nbf <= seconds;
}
