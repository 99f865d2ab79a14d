import { Writable } from 'node:stream';
import { MockAgent } from 'undici';
import type { CallContext } from '../../../src/api/partner-center';
import type { TokenKind, TokenProvider } from '../../../src/api/token-provider';
import { createLogger, type Logger } from '../../../src/log';

/**
 * A Partner Center played by undici's MockAgent: every request is recorded with its headers and body,
 * and answered by the handler registered for its method and path.
 */

export const ORIGIN = 'https://api.partnercenter.microsoft.com';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface MockReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: RecordedRequest) => MockReply;

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const entries: [string, string][] = Array.isArray(headers)
    ? headers.reduce<[string, string][]>((pairs, _value, index, all) => {
        if (index % 2 === 0) pairs.push([String(all[index]), String(all[index + 1])]);
        return pairs;
      }, [])
    : Object.entries((headers ?? {}) as Record<string, string>).map(([name, value]) => [name, String(value)]);
  return Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), value]));
}

export interface MockPartnerCenter {
  agent: MockAgent;
  requests: RecordedRequest[];
  /** Answer `method path` (path compared without its query when `path` has none) with a reply or a handler. */
  on(method: string, path: string | RegExp, reply: MockReply | Handler, times?: number): void;
  close(): Promise<void>;
}

export function mockPartnerCenter(): MockPartnerCenter {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: RecordedRequest[] = [];
  const pool = agent.get(ORIGIN);
  return {
    agent,
    requests,
    on(method, path, reply, times) {
      const matches = (candidate: string) =>
        typeof path === 'string'
          ? candidate === path || (!path.includes('?') && candidate.split('?')[0] === path)
          : path.test(candidate);
      const scope = pool.intercept({ method, path: matches }).reply((options) => {
        const body =
          typeof options.body === 'string' && options.body !== '' ? JSON.parse(options.body) : undefined;
        const recorded: RecordedRequest = {
          method: options.method,
          path: options.path,
          headers: lowerCaseHeaders(options.headers),
          ...(body === undefined ? {} : { body }),
        };
        requests.push(recorded);
        const answer = typeof reply === 'function' ? reply(recorded) : reply;
        const data =
          typeof answer.body === 'string'
            ? answer.body
            : answer.body === undefined
              ? ''
              : JSON.stringify(answer.body);
        return {
          statusCode: answer.status,
          data,
          responseOptions: {
            headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
          },
        };
      });
      if (times === undefined) scope.persist();
      else scope.times(times);
    },
    close: () => agent.close(),
  };
}

/** Hands out a recognizable token per kind, and counts the calls. */
export function fakeTokens(
  tokens: Partial<Record<TokenKind, string>> = { app: 'app-token', 'app+user': 'user-token' },
) {
  const calls: { kind: TokenKind; ctx?: CallContext }[] = [];
  const provider: TokenProvider = {
    getToken: async (kind, ctx) => {
      calls.push({ kind, ctx });
      return tokens[kind];
    },
  };
  return { provider, calls };
}

/** A real pino logger (with the project's redaction) writing into an array of parsed lines. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[]; text: () => string } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'debug', name: 'test' }, destination);
  return {
    logger,
    get lines() {
      return raw
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
}

export const ctx: CallContext = { correlationId: '5c1a6f7e-0b1d-4d7e-9f0a-1c2b3d4e5f60' };
