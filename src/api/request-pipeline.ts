import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { HttpTransport, TransportOutcome } from './http-transport';
import type { CallContext } from './partner-center';
import {
  catalogCodeFor,
  PartnerCenterError,
  type PartnerCenterErrorCode,
  parseErrorBody,
  scrubSecrets,
} from './partner-center-error';
import { isLocale } from './resource-path';
import { type AttemptFailure, decideRetry, parseRetryAfter, type RetryPolicy } from './retry-policy';
import type { TokenKind, TokenProvider } from './token-provider';

/**
 * One logical Partner Center call: headers, token, the retry loop within the time budget, one log line
 * per attempt, and the typed error at the end. Operations describe themselves; this module knows no routes.
 */

export interface Operation<T> {
  /** Route key as in the reference, e.g. `GET /v1/customers/{customer-tenant-id}`; logged instead of the path. */
  route: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Encoded path and query, starting with /v1/. */
  path: string;
  token: TokenKind;
  /** Safe to repeat after a timeout or 5xx; non-idempotent calls are retried only on 429. */
  idempotent: boolean;
  /** Legacy service-request routes: 404/405/501 mean the operation is gone (PC_NOT_AVAILABLE). */
  legacy?: boolean;
  body?: unknown;
  /** Extra headers: If-Match, paging headers. The standard headers always win. */
  headers?: Record<string, string>;
  /** Values that must not appear in errors (a new password); bodies are never logged in any case. */
  secrets?: string[];
  read: (json: unknown) => T;
}

export interface PipelineOptions {
  transport: HttpTransport;
  tokens: TokenProvider;
  logger: Logger;
  applicationName: string;
  retry: RetryPolicy;
  now?: () => number;
  random?: () => number;
}

const DEFAULT_LOCALE = 'en-US';

/** Keeps a header value to printable ASCII so a caller's text cannot break or add headers. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '').slice(0, 256);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class RequestPipeline {
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: PipelineOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async send<T>(ctx: CallContext, operation: Operation<T>): Promise<T> {
    const requestId = randomUUID();
    ctx.onRequest?.({ route: operation.route, requestId });
    const correlationId = headerSafe(ctx.correlationId);
    const started = this.now();
    const budget = new AbortController();
    const budgetTimer = setTimeout(
      () => budget.abort(new Error('time budget exhausted')),
      this.options.retry.budgetMs,
    );
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, budget.signal]) : budget.signal;
    const meta = { requestId, correlationId };
    try {
      for (let attempt = 1; ; attempt++) {
        const token = await this.options.tokens.getToken(operation.token, ctx);
        const attemptStarted = this.now();
        const outcome = await this.options.transport.send({
          method: operation.method,
          path: operation.path,
          headers: this.headers(ctx, operation, requestId, correlationId, token),
          body: operation.body === undefined ? undefined : JSON.stringify(operation.body),
          signal,
        });
        const ms = this.now() - attemptStarted;

        if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
          this.log('info', operation, outcome, attempt, ms, meta);
          return this.read(operation, outcome.bodyText, outcome.status, meta);
        }
        if (outcome.kind === 'aborted' && ctx.signal?.aborted) {
          this.log('warn', operation, outcome, attempt, ms, meta);
          throw ctx.signal.reason;
        }
        const error = this.errorFor(operation, outcome, meta);
        this.log('warn', operation, outcome, attempt, ms, meta, error.partnerCode);
        const failure = this.failureOf(outcome);
        if (failure === undefined) throw error;
        const decision = decideRetry({
          failure,
          attempt,
          idempotent: operation.idempotent,
          remainingMs: this.options.retry.budgetMs - (this.now() - started),
          policy: this.options.retry,
          random: this.random,
        });
        if (!decision.retry) throw error;
        try {
          await sleep(decision.delayMs, signal);
        } catch (reason) {
          if (ctx.signal?.aborted) throw reason;
          throw error;
        }
      }
    } finally {
      clearTimeout(budgetTimer);
    }
  }

  private headers(
    ctx: CallContext,
    operation: Operation<unknown>,
    requestId: string,
    correlationId: string,
    token: string | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      ...operation.headers,
      Accept: 'application/json',
      'MS-RequestId': requestId,
      'MS-CorrelationId': correlationId,
      'X-Locale': ctx.locale && isLocale(ctx.locale) ? ctx.locale : DEFAULT_LOCALE,
      'MS-PartnerCenter-Application': headerSafe(this.options.applicationName),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (operation.body !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private read<T>(
    operation: Operation<T>,
    bodyText: string,
    status: number,
    meta: { requestId: string; correlationId: string },
  ): T {
    let json: unknown;
    try {
      json = bodyText.trim() === '' ? undefined : JSON.parse(bodyText);
    } catch {
      throw this.unexpected(operation, status, 'malformed JSON', meta);
    }
    try {
      return operation.read(json);
    } catch (error) {
      if (error instanceof AppError && error.code === 'PC_UNAVAILABLE') {
        throw this.unexpected(operation, status, error.message, meta, error);
      }
      throw error;
    }
  }

  private unexpected(
    operation: Operation<unknown>,
    status: number,
    reason: string,
    meta: { requestId: string; correlationId: string },
    cause?: unknown,
  ): PartnerCenterError {
    return new PartnerCenterError(
      { code: 'PC_UNAVAILABLE', route: operation.route, httpStatus: status, reason, ...meta },
      cause === undefined ? undefined : { cause },
    );
  }

  private failureOf(outcome: TransportOutcome): AttemptFailure | undefined {
    switch (outcome.kind) {
      case 'response':
        return {
          kind: 'status',
          status: outcome.status,
          retryAfterMs: parseRetryAfter(headerValue(outcome.headers, 'retry-after'), this.now()),
        };
      case 'timeout':
        return { kind: 'timeout' };
      case 'connection':
        return { kind: 'connection' };
      case 'aborted':
        return undefined;
    }
  }

  private errorFor(
    operation: Operation<unknown>,
    outcome: TransportOutcome,
    meta: { requestId: string; correlationId: string },
  ): PartnerCenterError {
    const base = { route: operation.route, ...meta };
    if (outcome.kind === 'aborted')
      return new PartnerCenterError({ ...base, code: 'PC_TIMEOUT', reason: 'time budget exhausted' });
    if (outcome.kind === 'timeout')
      return new PartnerCenterError({ ...base, code: 'PC_TIMEOUT', reason: outcome.reason });
    if (outcome.kind === 'connection') {
      return new PartnerCenterError({ ...base, code: 'PC_UNAVAILABLE', reason: outcome.reason });
    }
    const body = parseErrorBody(outcome.bodyText);
    const retryAfterMs = parseRetryAfter(headerValue(outcome.headers, 'retry-after'), this.now());
    const code: PartnerCenterErrorCode = catalogCodeFor(outcome.status, body.code, operation.legacy);
    return new PartnerCenterError({
      ...base,
      code,
      httpStatus: outcome.status,
      partnerCode: body.code,
      description: scrubSecrets(body.description, operation.secrets ?? []),
      errorName: body.errorName,
      retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    });
  }

  private log(
    level: 'info' | 'warn',
    operation: Operation<unknown>,
    outcome: TransportOutcome,
    attempt: number,
    ms: number,
    meta: { requestId: string; correlationId: string },
    partnerCode?: string,
  ): void {
    this.options.logger[level](
      {
        route: operation.route,
        status: outcome.kind === 'response' ? outcome.status : outcome.kind,
        partnerCode,
        ms,
        attempt,
        ...meta,
      },
      'partner center call',
    );
  }
}
