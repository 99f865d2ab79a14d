import { type Dispatcher, Pool } from 'undici';

/**
 * The one place that talks HTTP: an undici pool per upstream with keep-alive and explicit timeouts.
 * Every response body is read to the end (so the connection returns to the pool), and failures are
 * classified instead of thrown, for the retry policy to judge.
 */

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export const defaultTimeouts: Timeouts = Object.freeze({ connectMs: 3000, headersMs: 8000, bodyMs: 8000 });

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, without the origin. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export type TransportOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string | string[] | undefined>;
      bodyText: string;
    }
  | { kind: 'timeout'; reason: string }
  | { kind: 'connection'; reason: string }
  | { kind: 'aborted' };

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyFailure(error: unknown, signal: AbortSignal): TransportOutcome {
  if (signal.aborted) return { kind: 'aborted' };
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  if (code && TIMEOUT_CODES.has(code)) return { kind: 'timeout', reason: code };
  if (code && CONNECTION_CODES.has(code)) return { kind: 'connection', reason: code };
  throw error;
}

export class HttpTransport {
  private readonly origin: string;
  private readonly pathPrefix: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(
    baseUrl: string,
    private readonly timeouts: Timeouts,
    dispatcher?: Dispatcher,
  ) {
    const url = new URL(baseUrl);
    this.origin = url.origin;
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.ownsDispatcher = dispatcher === undefined;
    this.dispatcher =
      dispatcher ??
      new Pool(this.origin, {
        connect: { timeout: timeouts.connectMs },
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 60_000,
        connections: 32,
      });
  }

  async send(request: TransportRequest): Promise<TransportOutcome> {
    try {
      const response = await this.dispatcher.request({
        origin: this.origin,
        path: `${this.pathPrefix}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      const bodyText = await response.body.text();
      return { kind: 'response', status: response.statusCode, headers: response.headers, bodyText };
    } catch (error) {
      return classifyFailure(error, request.signal);
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
