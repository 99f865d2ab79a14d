import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import { activityRecord } from './behaviour/activity';
import { type AuthMode, authenticate, bearerSubject, type Caller } from './behaviour/auth';
import type { CallCounter } from './behaviour/calls';
import type { FaultBook } from './behaviour/faults';
import { type IdempotencyCache, idempotencyKey, type StoredAnswer } from './behaviour/idempotency';
import { isSatisfied } from './domain/gdap-requirements';
import { errors, SimError } from './protocol/errors';
import { type JsonObject, readJsonBody } from './protocol/request-body';
import { type ApiReply, type ApiRequest, type ApiRoute, routeKey } from './route';
import type { SimulatorState } from './state';

/**
 * The path every API call takes: count → latency and faults → auth → path parameters → body →
 * idempotent replay or the handler → activity log → answer with the standard response headers (§2.4).
 */
export interface PipelineDeps {
  state: SimulatorState;
  authMode: AuthMode;
  /** App+User tokens without MFA are refused from this moment ('claims' mode); null: never. */
  mfaEnforcedFrom: Date | null;
  latencyMs: number;
  calls: CallCounter;
  faults: FaultBook;
  idempotency: IdempotencyCache;
  /** Aborted when the simulator closes: stalled calls give up then. */
  closing: AbortSignal;
  logger: Logger;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_PARAMETERS = new Set(['customer-tenant-id', 'user-id', 'subscription-id', 'order-id']);
const SERVER_ID = '202010406';
const BROKEN_JSON = '{"totalCount":1,"items":[{"id":"';

/** The restify handler of one API route; `names` maps restify parameter names to the template's. */
export function routeHandler(route: ApiRoute, names: ReadonlyMap<string, string>, deps: PipelineDeps) {
  const key = routeKey(route);
  return async (req: Request, res: Response): Promise<void> => {
    const started = performance.now();
    const echo = echoHeaders(req, deps);
    deps.calls.record(key, bearerSubject(req.headers.authorization));

    const fault = deps.faults.decide(key);
    const delay = deps.latencyMs + fault.latencyMs;
    if (delay > 0) await pause(delay, deps.closing);
    if (deps.closing.aborted) return;

    let answer: StoredAnswer;
    switch (fault.outcome?.kind) {
      case 'stall':
        await pause(Number.POSITIVE_INFINITY, deps.closing);
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'malformed-json':
        answer = { status: 200, body: BROKEN_JSON, headers: {} };
        break;
      case 'error':
        answer = errorAnswer(fault.outcome.error);
        break;
      default:
        answer = await answerCall(route, names, req, echo, deps);
    }
    res.sendRaw(answer.status, answer.body ?? '', {
      ...answer.headers,
      ...echo,
      'Content-Type': 'application/json; charset=utf-8',
    });
    deps.logger.debug(
      { route: key, status: answer.status, ms: Math.round(performance.now() - started) },
      'call',
    );
  };
}

/** Answers a call the simulator does not serve: 404 with the documented body. */
export function notFoundAnswer(req: Request, res: Response, deps: PipelineDeps): void {
  const answer = errorAnswer(errors.notFound());
  res.removeHeader('Allow');
  res.sendRaw(answer.status, answer.body ?? '', {
    ...answer.headers,
    ...echoHeaders(req, deps),
    'Content-Type': 'application/json; charset=utf-8',
  });
}

async function answerCall(
  route: ApiRoute,
  names: ReadonlyMap<string, string>,
  req: Request,
  echo: Record<string, string>,
  deps: PipelineDeps,
): Promise<StoredAnswer> {
  try {
    const now = deps.state.clock();
    const caller = authenticate(
      deps.authMode,
      req.headers.authorization,
      route.access,
      now,
      deps.mfaEnforcedFrom,
    );
    const params = pathParameters(req.params as Record<string, string>, names);
    // Only writes carry a body (DELETE sends none, reference B7); anything sent with a read is ignored.
    const body = route.method === 'POST' || route.method === 'PATCH' ? await readJsonBody(req) : undefined;
    const request = apiRequest(req, { params, body, caller, now });
    requireGdapRole(route, request, deps.state);
    const run = () => runHandler(route, request, echo['MS-CorrelationId'] as string, deps);
    const requestId = header(req, 'ms-requestid');
    if (route.method === 'GET' || requestId === undefined) return run();

    const cacheKey = idempotencyKey({
      subject: caller.subject,
      method: route.method,
      url: req.url ?? '',
      requestId,
    });
    const fingerprint = JSON.stringify(body ?? null);
    const stored = deps.idempotency.lookup(cacheKey, fingerprint);
    if (stored) return stored;
    const answer = run();
    deps.idempotency.remember(cacheKey, fingerprint, answer);
    return answer;
  } catch (error) {
    if (error instanceof SimError) return errorAnswer(error);
    deps.logger.error({ err: error, route: routeKey(route) }, 'simulator handler failed');
    return errorAnswer(errors.unexpected());
  }
}

function runHandler(
  route: ApiRoute,
  request: ApiRequest,
  correlationId: string,
  deps: PipelineDeps,
): StoredAnswer {
  let reply: ApiReply;
  try {
    reply = route.handle(request);
  } catch (error) {
    if (error instanceof SimError) return errorAnswer(error);
    throw error;
  }
  if (reply.audit && reply.status < 300) {
    const { caller, now } = request;
    deps.state.store.audit.append(
      activityRecord(reply.audit, { caller, correlationId, now, ids: deps.state.ids }),
    );
  }
  return {
    status: reply.status,
    body: reply.body === undefined ? undefined : JSON.stringify(reply.body),
    headers: {},
  };
}

/** 403 when the partner's active GDAP relationships with the path's customer lack every role the operation accepts. */
function requireGdapRole(route: ApiRoute, request: ApiRequest, state: SimulatorState): void {
  const requirement = route.gdap?.(request);
  const customer = state.store.findCustomer(request.params['customer-tenant-id'] ?? '');
  if (!requirement || !customer) return;
  const granted = state.store.gdap.activeRoleIds(customer.id, customer.companyName, request.now);
  if (!isSatisfied(requirement, granted)) {
    throw errors.gdapRoleMissing(requirement.anyOf.map((role) => role.name));
  }
}

function errorAnswer(error: SimError): StoredAnswer {
  return { status: error.status, body: JSON.stringify(error.body()), headers: { ...error.headers } };
}

function apiRequest(
  req: Request,
  parts: { params: Record<string, string>; body: JsonObject | undefined; caller: Caller; now: Date },
): ApiRequest {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
  return {
    ...parts,
    path: pathname.replace(/^\/v1(?=\/)/i, ''),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    continuationToken: header(req, 'ms-continuationtoken'),
    headers: req.headers,
    locale: header(req, 'x-locale') ?? 'en-US',
  };
}

/** Path parameters by template name; ids that must be GUIDs are checked here (400 800002). */
function pathParameters(
  raw: Record<string, string>,
  names: ReadonlyMap<string, string>,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [restifyName, templateName] of names) {
    const value = raw[restifyName] ?? '';
    if (GUID_PARAMETERS.has(templateName) && !GUID.test(value)) {
      throw errors.invalidInput(`${templateName} is not a valid GUID`);
    }
    params[templateName] = value;
  }
  return params;
}

/** MS-RequestId and MS-CorrelationId echoed (or minted when absent), MS-CV, MS-ServerId, X-Locale. */
function echoHeaders(req: Request, deps: PipelineDeps): Record<string, string> {
  const headers: Record<string, string> = {
    'MS-RequestId': header(req, 'ms-requestid') ?? deps.state.ids.guid(),
    'MS-CorrelationId': header(req, 'ms-correlationid') ?? deps.state.ids.guid(),
    'MS-CV': deps.state.ids.correlationVector(),
    'MS-ServerId': SERVER_ID,
  };
  const locale = header(req, 'x-locale');
  if (locale !== undefined) headers['X-Locale'] = locale;
  return headers;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** Waits `ms` (forever when infinite) or until `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
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
