import { type Clock, MINUTE_MS } from '../clock';
import { errors } from '../protocol/errors';

/**
 * `MS-RequestId` as an idempotency key (reference §2.11): a completed write is remembered for 15 minutes
 * per (caller, method, path, request id) and replayed to a retry; the same key with another body → 409.
 */
export interface StoredAnswer {
  status: number;
  body: string | undefined;
  headers: Readonly<Record<string, string>>;
}

const TTL_MS = 15 * MINUTE_MS;

export class IdempotencyCache {
  private readonly entries = new Map<
    string,
    { fingerprint: string; answer: StoredAnswer; expires: number }
  >();

  constructor(private readonly clock: Clock) {}

  /** The stored answer for a retry, undefined for a new key; a reused key with another body → 409 800002. */
  lookup(key: string, fingerprint: string): StoredAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.clock().getTime()) return undefined;
    if (entry.fingerprint !== fingerprint)
      throw errors.conflict('MS-RequestId was already used with another body');
    return entry.answer;
  }

  remember(key: string, fingerprint: string, answer: StoredAnswer): void {
    const now = this.clock().getTime();
    for (const [oldKey, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(oldKey);
    }
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, answer, expires: now + TTL_MS });
  }
}

export function idempotencyKey(parts: {
  subject: string;
  method: string;
  url: string;
  requestId: string;
}): string {
  return [parts.subject, parts.method, parts.url, parts.requestId].join('\n');
}
