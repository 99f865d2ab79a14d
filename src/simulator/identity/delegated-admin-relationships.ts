import type { Request, Response, Server } from 'restify';
import type { AuthMode } from '../behaviour/auth';
import type { Clock } from '../clock';
import { type GdapRelationshipRecord, statusAt } from '../data/gdap';
import type { SimStore } from '../data/store';
import { jwtClaims, textClaim } from './jwt';

/**
 * Microsoft Graph's read of the partner's GDAP relationships, the one query the bot makes before a user
 * operation: `GET /v1.0/tenantRelationships/delegatedAdminRelationships?$filter=customer/tenantId eq '<id>'`
 * (Graph "List delegatedAdminRelationships"). In 'claims' mode it needs a Graph token (audience
 * https://graph.microsoft.com) granting DelegatedAdminRelationship.Read.All or ReadWrite.All, as an
 * application role or a delegated scope. Errors use Graph's `{error: {code, message}}` shape. These
 * calls are not Partner Center calls: they are counted apart (`reads`).
 */

export const DELEGATED_ADMIN_RELATIONSHIPS_PATH = '/v1.0/tenantRelationships/delegatedAdminRelationships';
const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000']);
const PERMISSIONS = new Set([
  'DelegatedAdminRelationship.Read.All',
  'DelegatedAdminRelationship.ReadWrite.All',
]);
const CUSTOMER_FILTER = /^\s*customer\/tenantId\s+eq\s+'([0-9a-f-]{36})'\s*$/i;

export interface GraphDeps {
  authMode: AuthMode;
  clock: Clock;
  store: SimStore;
  /** Incremented per read, whatever the answer. */
  reads: { count: number };
}

export function mountDelegatedAdminRelationships(server: Server, deps: GraphDeps): void {
  server.get(DELEGATED_ADMIN_RELATIONSHIPS_PATH, async (req: Request, res: Response) => {
    deps.reads.count += 1;
    const now = deps.clock();
    const refusal =
      deps.authMode === 'claims' ? authorizationProblem(req.headers.authorization, now) : undefined;
    if (refusal) return sendJson(res, refusal.status, graphError(refusal.code, refusal.message));

    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const filter = query.get('$filter');
    const customerId = filter === null ? undefined : CUSTOMER_FILTER.exec(filter)?.[1];
    if (!customerId) {
      return sendJson(
        res,
        400,
        graphError(
          'BadRequest',
          "Invalid filter clause: only customer/tenantId eq '<tenant id>' is supported.",
        ),
      );
    }
    const customer = deps.store.findCustomer(customerId);
    const relationships = customer ? deps.store.gdap.relationshipsOf(customer.id, customer.companyName) : [];
    sendJson(res, 200, {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships',
      value: relationships.map((relationship) =>
        relationshipView(relationship, customer?.companyName ?? '', now),
      ),
    });
  });
}

function authorizationProblem(
  authorization: string | undefined,
  now: Date,
): { status: number; code: string; message: string } | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!token) return { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' };
  const claims = jwtClaims(token);
  const audience = claims && textClaim(claims, 'aud')?.replace(/\/$/, '');
  const expires = claims?.exp;
  if (!claims || !audience || !GRAPH_AUDIENCES.has(audience) || typeof expires !== 'number') {
    return {
      status: 401,
      code: 'InvalidAuthenticationToken',
      message: 'Access token validation failure. Invalid audience.',
    };
  }
  if (expires <= now.getTime() / 1000) {
    return {
      status: 401,
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.',
    };
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const scopes = (textClaim(claims, 'scp') ?? '').split(' ');
  if (![...roles, ...scopes].some((permission) => PERMISSIONS.has(String(permission)))) {
    return {
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    };
  }
  return undefined;
}

function relationshipView(relationship: GdapRelationshipRecord, customerName: string, now: Date) {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    id: relationship.id,
    displayName: relationship.displayName,
    duration: 'P730D',
    customer: { tenantId: relationship.customerId, displayName: customerName },
    accessDetails: { unifiedRoles: relationship.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
    status: statusAt(relationship, now),
    autoExtendDuration: 'PT0S',
    createdDateTime: relationship.createdDateTime.toISOString(),
    lastModifiedDateTime: relationship.activatedDateTime.toISOString(),
    activatedDateTime: relationship.activatedDateTime.toISOString(),
    endDateTime: relationship.endDateTime.toISOString(),
  };
}

function graphError(code: string, message: string) {
  return { error: { code, message } };
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.sendRaw(status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8' });
}
