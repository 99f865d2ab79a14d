import type { Dispatcher } from 'undici';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { HttpTransport } from './http-transport';
import type { CallContext } from './partner-center';
import { JsonFields } from './tolerant-json';

/**
 * The partner's GDAP relationships with one customer, read from Microsoft Graph:
 * `GET /v1.0/tenantRelationships/delegatedAdminRelationships?$filter=customer/tenantId eq '<id>'`
 * ("List delegatedAdminRelationships"; the app needs the DelegatedAdminRelationship.Read.All application
 * permission). Only `active` relationships grant roles. Answers are cached per customer for a few minutes.
 * Any failure throws PC_UNAVAILABLE; callers then fall back to asking Partner Center, which answers 403
 * when a role is missing.
 */

export interface GdapRelationship {
  id: string;
  status: string;
  customerTenantId: string;
  roleIds: string[];
}

/** Where GDAP facts come from (Graph in production, the simulator's Graph route in tests). */
export interface GdapDirectory {
  /** Role template ids (lower case) the partner's active relationships with the customer grant. */
  grantedRoleIds(ctx: CallContext, customerId: string): Promise<Set<string>>;
}

export interface GraphGdapDirectoryOptions {
  /** https://graph.microsoft.com, or the simulator's URL. */
  baseUrl: string;
  /** App-only Graph tokens; a source answering undefined sends none (loopback simulator). */
  tokens: { getToken(): Promise<string | undefined> };
  logger: Logger;
  timeoutMs?: number;
  cacheTtlMs?: number;
  dispatcher?: Dispatcher;
  now?: () => number;
}

const PATH = '/v1.0/tenantRelationships/delegatedAdminRelationships';
const MAX_PAGES = 10;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class GraphGdapDirectory implements GdapDirectory {
  private readonly transport: HttpTransport;
  private readonly now: () => number;
  private readonly cache = new Map<string, { roleIds: Set<string>; expiresAt: number }>();

  constructor(private readonly options: GraphGdapDirectoryOptions) {
    const timeoutMs = options.timeoutMs ?? 3000;
    this.transport = new HttpTransport(
      options.baseUrl,
      { connectMs: Math.min(3000, timeoutMs), headersMs: timeoutMs, bodyMs: timeoutMs },
      options.dispatcher,
    );
    this.now = options.now ?? Date.now;
  }

  async grantedRoleIds(ctx: CallContext, customerId: string): Promise<Set<string>> {
    const key = customerId.toLowerCase();
    const cached = this.cache.get(key);
    if (cached && this.now() < cached.expiresAt) return cached.roleIds;
    const relationships = await this.relationshipsOf(ctx, customerId);
    const roleIds = new Set(
      relationships
        .filter((relationship) => relationship.status === 'active')
        .flatMap((relationship) => relationship.roleIds.map((id) => id.toLowerCase())),
    );
    this.cache.set(key, { roleIds, expiresAt: this.now() + (this.options.cacheTtlMs ?? 5 * 60_000) });
    return roleIds;
  }

  async relationshipsOf(ctx: CallContext, customerId: string): Promise<GdapRelationship[]> {
    if (!GUID.test(customerId)) throw new AppError('INPUT_INVALID', 'customer id must be a GUID');
    const filter = encodeURIComponent(`customer/tenantId eq '${customerId.toLowerCase()}'`);
    const token = await this.options.tokens.getToken();
    const relationships: GdapRelationship[] = [];
    let path: string | undefined = `${PATH}?$filter=${filter}`;
    for (let page = 0; path !== undefined && page < MAX_PAGES; page++) {
      const json = await this.get(ctx, path, token);
      relationships.push(...json.items);
      path = json.next;
    }
    return relationships;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async get(
    ctx: CallContext,
    path: string,
    token: string | undefined,
  ): Promise<{ items: GdapRelationship[]; next?: string }> {
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 3000);
    const outcome = await this.transport.send({
      method: 'GET',
      path,
      headers: {
        accept: 'application/json',
        'client-request-id': ctx.correlationId.replace(/[^\x20-\x7e]/g, '').slice(0, 64),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal: ctx.signal ? AbortSignal.any([ctx.signal, signal]) : signal,
    });
    if (outcome.kind !== 'response' || outcome.status !== 200) {
      const answer = outcome.kind === 'response' ? `HTTP ${outcome.status}` : outcome.kind;
      this.options.logger.warn(
        { correlationId: ctx.correlationId, answer },
        'graph: GDAP relationships unavailable',
      );
      throw new AppError('PC_UNAVAILABLE', `Graph GDAP relationships: ${answer}`, { answer });
    }
    return readPage(outcome.bodyText, this.options.baseUrl);
  }
}

function readPage(bodyText: string, baseUrl: string): { items: GdapRelationship[]; next?: string } {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    throw new AppError('PC_UNAVAILABLE', 'Graph GDAP relationships: malformed JSON');
  }
  const body = new JsonFields(json, 'delegatedAdminRelationships');
  const items = (body.array('value') ?? []).map((raw, index) => {
    const what = `value[${index}]`;
    const item = new JsonFields(raw, what);
    const roles = item.object('accessDetails', what)?.array('unifiedRoles') ?? [];
    return {
      id: item.string('id') ?? '',
      status: (item.string('status') ?? '').toLowerCase(),
      customerTenantId: item.object('customer', what)?.string('tenantId') ?? '',
      roleIds: roles
        .map((role) => new JsonFields(role, `${what}.unifiedRoles`).string('roleDefinitionId'))
        .filter((id): id is string => id !== undefined),
    };
  });
  const nextLink = body.string('@odata.nextLink');
  return { items, next: nextLink ? relativeTo(nextLink, baseUrl) : undefined };
}

/** A next link on the same host, as a path; any other host is not followed. */
function relativeTo(link: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(link, baseUrl);
    return url.host === new URL(baseUrl).host ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
