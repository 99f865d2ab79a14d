import type { Request, Response, Server } from 'restify';
import type { Clock } from '../clock';
import type { AgentRecord } from '../data/agents';
import { readBodyText } from '../protocol/request-body';
import type { IdSource } from '../runtime-ids';
import { answerTokenRequest, type RefreshGrantRecord } from './grants';

/**
 * The simulated Microsoft identity platform: `POST /{tenant}/oauth2/v2.0/token` and the metadata MSAL
 * reads first (`/{tenant}/v2.0/.well-known/openid-configuration`, `/common/discovery/instance`). The
 * metadata names `authorityHost` (by default https://login.microsoftonline.com), because MSAL only accepts
 * https authorities: a client reaches this endpoint through a network module that sends that host's
 * requests here (see msal-network-client.ts). Token requests are recorded without any secret.
 */

export interface TokenRequestRecord {
  grantType: string;
  clientId: string;
  /** Whose token was issued (agent object id, or the client id for client credentials). */
  subject?: string;
  /** The OAuth error when refused, e.g. 'invalid_grant'. */
  error?: string;
}

export interface IdentityDeps {
  clock: Clock;
  ids: IdSource;
  agents: readonly AgentRecord[];
  refreshTokens: Map<string, RefreshGrantRecord>;
  authorityHost: string;
  tokenRequests: TokenRequestRecord[];
}

const TENANT = /^[A-Za-z0-9.-]{1,128}$/;

export function mountIdentityRoutes(server: Server, deps: IdentityDeps): void {
  server.post('/:tenant/oauth2/v2.0/token', async (req: Request, res: Response) => {
    const tenant = String(req.params.tenant ?? '');
    const form = new URLSearchParams(await readBodyText(req).catch(() => ''));
    if (!TENANT.test(tenant)) {
      sendJson(
        res,
        400,
        errorBody(deps, 'invalid_tenant', 90002, `AADSTS90002: Tenant '${tenant}' not found.`),
      );
      return;
    }
    const answer = answerTokenRequest(form, {
      tenant,
      now: deps.clock(),
      agents: deps.agents,
      refreshTokens: deps.refreshTokens,
    });
    const clientId = form.get('client_id') ?? '';
    if (answer.ok) {
      deps.tokenRequests.push({ grantType: answer.grantType, clientId, subject: answer.subject });
      sendJson(res, 200, answer.body);
      return;
    }
    deps.tokenRequests.push({ grantType: answer.grantType, clientId, error: answer.error });
    sendJson(res, answer.status, errorBody(deps, answer.error, answer.code, answer.description));
  });

  server.get('/:tenant/v2.0/.well-known/openid-configuration', async (req: Request, res: Response) => {
    const base = `${deps.authorityHost}/${String(req.params.tenant ?? 'common')}`;
    sendJson(res, 200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${deps.authorityHost}/common/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    });
  });

  server.get('/common/discovery/instance', async (req: Request, res: Response) => {
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const authorize =
      query.get('authorization_endpoint') ?? `${deps.authorityHost}/common/oauth2/v2.0/authorize`;
    const tenant = new URL(authorize, deps.authorityHost).pathname.split('/')[1] ?? 'common';
    const host = new URL(deps.authorityHost).host;
    sendJson(res, 200, {
      tenant_discovery_endpoint: `${deps.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });
}

/** The identity platform's error shape: AADSTS code and text, trace and correlation ids, timestamp. */
function errorBody(deps: IdentityDeps, error: string, code: number, description: string) {
  const traceId = deps.ids.guid();
  const correlationId = deps.ids.guid();
  const timestamp = deps
    .clock()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.sendRaw(status, JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}
