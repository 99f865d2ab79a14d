import { AppError } from '../errors';
import type { Link } from './models';

/**
 * Opaque continuation tokens for Page<T>: base64url JSON of the `links.next` request (its uri and headers)
 * plus the collection it belongs to. A token may travel through card data, so reading one checks that it
 * points at the same collection path and carries only Partner Center paging headers.
 */

interface TokenBody {
  /** The collection the token belongs to, e.g. `customers.search`. */
  s: string;
  /** Path and query of the next page, starting with /v1/. */
  u: string;
  /** Headers to send with it, e.g. MS-ContinuationToken. */
  h: [string, string][];
}

export interface NextPageRequest {
  path: string;
  headers: Record<string, string>;
}

const PAGING_HEADER = /^MS-[A-Za-z0-9-]{1,64}$/;
const RESERVED_HEADERS = new Set(['ms-requestid', 'ms-correlationid']);
const HEADER_VALUE = /^[\x20-\x7e]{0,4096}$/;

function isPagingHeader(name: string, value: string): boolean {
  return PAGING_HEADER.test(name) && !RESERVED_HEADERS.has(name.toLowerCase()) && HEADER_VALUE.test(value);
}

/** Link uris are relative and usually lack /v1 (reference §2.5); absolute ones keep only path and query. */
function normalizeUri(uri: string): URL {
  const url = new URL(uri, 'http://partner-center.invalid');
  if (!url.pathname.startsWith('/v1/')) url.pathname = `/v1${url.pathname}`;
  return url;
}

/** The token for the page after this one, or undefined when `links.next` is absent (the last page). */
export function continuationFromLink(scope: string, next: Link | undefined): string | undefined {
  if (!next?.uri) return undefined;
  const url = normalizeUri(next.uri);
  const body: TokenBody = {
    s: scope,
    u: `${url.pathname}${url.search}`,
    h: next.headers
      .filter((header) => isPagingHeader(header.key, header.value))
      .map((header) => [header.key, header.value]),
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function invalid(reason: string): AppError {
  return new AppError('INPUT_INVALID', 'The continuation token is not valid', { reason });
}

function decode(token: string): TokenBody {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{1,16384}$/.test(token)) throw invalid('not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not JSON');
  }
  const body = parsed as Partial<TokenBody> | null;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.s !== 'string' ||
    typeof body.u !== 'string' ||
    !Array.isArray(body.h) ||
    !body.h.every(
      (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'),
    )
  ) {
    throw invalid('unexpected shape');
  }
  return body as TokenBody;
}

/**
 * Turns a token back into the next-page request. `expectedPath` is the collection path the caller is
 * allowed to read (compared case-insensitively, after URL normalization of `..` and friends).
 */
export function readContinuation(token: string, scope: string, expectedPath: string): NextPageRequest {
  const body = decode(token);
  if (body.s !== scope) throw invalid('token belongs to another collection');
  if (!body.u.startsWith('/v1/')) throw invalid('not a /v1/ path');
  const url = normalizeUri(body.u);
  if (url.pathname.toLowerCase() !== expectedPath.toLowerCase())
    throw invalid('token points at another path');
  const headers: Record<string, string> = {};
  for (const [name, value] of body.h) {
    if (!isPagingHeader(name, value)) throw invalid('unexpected header');
    headers[name] = value;
  }
  return { path: `${url.pathname}${url.search}`, headers };
}
