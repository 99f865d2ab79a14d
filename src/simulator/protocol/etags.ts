import { errors } from './errors';

/**
 * Optimistic concurrency (reference §2.10). An etag is base64 of `{"id":..,"version":N}`, the form of
 * the documented `eyJpZCI6...` values; the version grows on every write.
 */
export function etagFor(id: string, version: number): string {
  return Buffer.from(JSON.stringify({ id, version })).toString('base64');
}

export type EtagMismatchStatus = 400 | 412;

/**
 * Checks `If-Match` when present, else the body's `attributes.etag` when present; neither → accepted.
 * A stale value → 2055 with the configured status.
 */
export function assertEtag(
  current: string,
  sent: { ifMatch: string | undefined; bodyEtag: string | undefined },
  mismatchStatus: EtagMismatchStatus,
): void {
  if (sent.ifMatch !== undefined) {
    const candidates = sent.ifMatch.split(',').map(unquote);
    if (!candidates.includes('*') && !candidates.includes(current)) throw errors.staleEtag(mismatchStatus);
    return;
  }
  if (sent.bodyEtag !== undefined && unquote(sent.bodyEtag) !== current)
    throw errors.staleEtag(mismatchStatus);
}

function unquote(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}
