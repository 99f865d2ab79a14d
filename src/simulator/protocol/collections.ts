import { createHash } from 'node:crypto';
import { errors } from './errors';

/**
 * Collections and seek-based paging (reference §2.6). `totalCount` is the number of items in the page.
 * When another page exists, `links.next` carries `seekOperation=Next` and the `MS-ContinuationToken`
 * header, and the same token is repeated as `continuationToken`. Link URIs are emitted without `/v1`.
 */
export interface Link {
  uri: string;
  method: 'GET';
  headers: { key: string; value: string }[];
}

export function link(uri: string, headers: Link['headers'] = []): Link {
  return { uri, method: 'GET', headers };
}

export interface CollectionLinks {
  self?: Link;
  next?: Link;
}

export function collection(items: readonly unknown[], links?: CollectionLinks, continuationToken?: string) {
  return {
    totalCount: items.length,
    items,
    links,
    continuationToken,
    attributes: { objectType: 'Collection' },
  };
}

export interface PagingLimits {
  defaultSize: number;
  maxSize: number;
}

/** What paging needs from the request. */
export interface PageRequest {
  /** The request path without the `/v1` prefix, as sent. */
  path: string;
  /** The query string as sent (still URL-encoded), without the leading `?`. */
  rawQuery: string;
  query: URLSearchParams;
  continuationToken: string | undefined;
}

/** One page of `items`, with self and next links; bad size, token or seek operation → 400 800002. */
export function pagedCollection<T>(
  items: readonly T[],
  request: PageRequest,
  limits: PagingLimits,
  view: (item: T) => unknown,
) {
  const size = pageSize(queryParam(request.query, 'size'), limits);
  const signature = querySignature(request);
  const offset = pageOffset(request, signature);
  const page = items.slice(offset, offset + size);
  const self = selfLink(request);
  if (offset + size >= items.length) return collection(page.map(view), { self });

  const token = encodeToken({ offset: offset + size, signature });
  const nextQuery = [...withoutSeekOperation(request.rawQuery), 'seekOperation=Next'].join('&');
  const next = link(`${request.path}?${nextQuery}`, [{ key: 'MS-ContinuationToken', value: token }]);
  return collection(page.map(view), { self, next }, token);
}

/** The link to the request itself, query included as sent. */
export function selfLink(request: Pick<PageRequest, 'path' | 'rawQuery'>): Link {
  return link(request.rawQuery ? `${request.path}?${request.rawQuery}` : request.path);
}

/** A query parameter by case-insensitive name. */
export function queryParam(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function pageSize(text: string | undefined, limits: PagingLimits): number {
  if (text === undefined || text === '') return limits.defaultSize;
  if (!/^\d+$/.test(text)) throw errors.invalidInput('size must be a non-negative integer');
  const size = Number(text);
  if (size === 0) return limits.defaultSize;
  return Math.min(size, limits.maxSize);
}

function pageOffset(request: PageRequest, signature: string): number {
  const seek = queryParam(request.query, 'seekOperation');
  if (seek === undefined || seek.toLowerCase() === 'first') return 0;
  if (seek.toLowerCase() !== 'next') throw errors.invalidInput(`seekOperation ${seek} is not supported`);
  if (!request.continuationToken) throw errors.invalidInput('seekOperation=Next needs MS-ContinuationToken');
  const token = decodeToken(request.continuationToken);
  if (token?.signature !== signature) throw errors.invalidInput('the continuation token is not valid here');
  return token.offset;
}

interface ContinuationToken {
  offset: number;
  signature: string;
}

function encodeToken(token: ContinuationToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): ContinuationToken | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const { offset, signature } = value as Partial<ContinuationToken>;
    if (Number.isInteger(offset) && (offset as number) >= 0 && typeof signature === 'string') {
      return { offset: offset as number, signature };
    }
  } catch {
    // not a token of ours: reported by the caller
  }
  return undefined;
}

/** Ties a token to the query that produced it, so reusing it with another filter is refused. */
function querySignature(request: PageRequest): string {
  const entries = [...request.query]
    .filter(([key]) => key.toLowerCase() !== 'seekoperation')
    .map(([key, value]) => `${key.toLowerCase()}=${value}`)
    .sort();
  return createHash('sha256')
    .update(`${request.path.toLowerCase()}?${entries.join('&')}`)
    .digest('base64url')
    .slice(0, 16);
}

function withoutSeekOperation(rawQuery: string): string[] {
  return rawQuery
    .split('&')
    .filter(
      (part) =>
        part !== '' && decodeURIComponentSafe(part.split('=')[0] ?? '').toLowerCase() !== 'seekoperation',
    );
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
