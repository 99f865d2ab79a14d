import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AuthMode } from './behaviour/auth';
import type { CallCounter } from './behaviour/calls';
import type { FaultBook } from './behaviour/faults';
import type { Clock } from './clock';
import type { Directory } from './data/directory';
import { readBodyText } from './protocol/request-body';

/**
 * The Microsoft Graph call the bot makes, served from the simulator's directory:
 * `POST /v1.0/users/{id}/checkMemberGroups` (transitive, at most 20 group ids, Graph's error shape).
 * It is counted, delayed and faulted like the Partner Center routes (route key
 * `POST /v1.0/users/{id}/checkMemberGroups`). In `claims` auth mode a Bearer JWT for Graph is required.
 */

export const CHECK_MEMBER_GROUPS_ROUTE = 'POST /v1.0/users/{id}/checkMemberGroups';
const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_GROUP_IDS = 20;

export interface GraphRouteDeps {
  directory: Directory;
  authMode: AuthMode;
  latencyMs: number;
  calls: CallCounter;
  faults: FaultBook;
  clock: Clock;
  closing: AbortSignal;
}

interface GraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function mountGraphRoutes(server: Server, deps: GraphRouteDeps): void {
  server.post('/v1.0/users/:id/checkMemberGroups', async (req: Request, res: Response) => {
    deps.calls.record(CHECK_MEMBER_GROUPS_ROUTE);
    const fault = deps.faults.decide(CHECK_MEMBER_GROUPS_ROUTE);
    await pause(deps.latencyMs + fault.latencyMs, deps.closing);
    if (deps.closing.aborted) return;
    if (fault.outcome?.kind === 'stall') return pause(Number.POSITIVE_INFINITY, deps.closing);
    if (fault.outcome?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const answer: GraphAnswer =
      fault.outcome?.kind === 'error'
        ? graphError(fault.outcome.error.status, 'serviceNotAvailable', 'The service is unavailable.')
        : fault.outcome?.kind === 'malformed-json'
          ? { status: 200, body: '{"value":["' }
          : await checkMemberGroups(req, deps);
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.sendRaw(answer.status, body, {
      ...answer.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'request-id': randomUUID(),
    });
  });
}

async function checkMemberGroups(req: Request, deps: GraphRouteDeps): Promise<GraphAnswer> {
  if (deps.authMode === 'claims' && !hasGraphToken(req.headers.authorization, deps.clock())) {
    return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
  }
  const userId = String((req.params as Record<string, string>).id ?? '');
  let groupIds: unknown;
  try {
    groupIds = (JSON.parse(await readBodyText(req)) as { groupIds?: unknown }).groupIds;
  } catch {
    return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
  }
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string' && GUID.test(id))) {
    return graphError(400, 'Request_BadRequest', 'groupIds must be a list of group object ids.');
  }
  if (groupIds.length > MAX_GROUP_IDS) {
    return graphError(
      400,
      'Request_BadRequest',
      `At most ${MAX_GROUP_IDS} group ids can be checked at once.`,
    );
  }
  if (!GUID.test(userId) || !deps.directory.hasUser(userId)) {
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${userId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const memberOf = deps.directory.transitiveGroupsOf(userId);
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value: (groupIds as string[]).filter((id) => memberOf.has(id.toLowerCase())),
    },
  };
}

function graphError(status: number, code: string, message: string): GraphAnswer {
  return {
    status,
    body: {
      error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
    },
    ...(status === 429 && { headers: { 'Retry-After': '1' } }),
  };
}

/** A JWT (signature not checked) for the Graph audience that has not expired. */
function hasGraphToken(authorization: string | undefined, now: Date): boolean {
  const payload = /^Bearer\s+[^.\s]+\.([^.\s]+)\./i.exec(authorization ?? '')?.[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      aud?: unknown;
      exp?: unknown;
    };
    const audienceOk =
      typeof claims.aud === 'string' && GRAPH_AUDIENCES.includes(claims.aud.replace(/\/$/, ''));
    return audienceOk && typeof claims.exp === 'number' && claims.exp > now.getTime() / 1000;
  } catch {
    return false;
  }
}

/** Waits `ms` (forever when infinite) or until `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    signal.addEventListener('abort', done, { once: true });
  });
}
