import {
  type AttemptFailure,
  backoffDelayMs,
  decideRetry,
  defaultRetryPolicy,
  isRetryable,
  parseRetryAfter,
  type RetryPolicy,
} from '../../src/api/retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, budgetMs: 10_000 };
const status = (code: number, retryAfterMs?: number): AttemptFailure => ({
  kind: 'status',
  status: code,
  retryAfterMs,
});

function decide(failure: AttemptFailure, overrides: Partial<Parameters<typeof decideRetry>[0]> = {}) {
  return decideRetry({
    failure,
    attempt: 1,
    idempotent: true,
    remainingMs: 10_000,
    policy,
    random: () => 1,
    ...overrides,
  });
}

describe('retry policy', () => {
  describe('which failures are retried', () => {
    it.each([429, 500, 502, 503, 504])('retries %i for idempotent calls', (code) => {
      expect(isRetryable(status(code), true)).toBe(true);
    });

    it('retries timeouts and connection failures for idempotent calls', () => {
      expect(isRetryable({ kind: 'timeout' }, true)).toBe(true);
      expect(isRetryable({ kind: 'connection' }, true)).toBe(true);
    });

    it.each([400, 401, 403, 404, 409, 412, 501])('never retries %i', (code) => {
      expect(isRetryable(status(code), true)).toBe(false);
    });

    it('retries a non-idempotent write only on 429, which Partner Center did not process', () => {
      expect(isRetryable(status(429), false)).toBe(true);
      expect(isRetryable(status(500), false)).toBe(false);
      expect(isRetryable(status(503), false)).toBe(false);
      expect(isRetryable({ kind: 'timeout' }, false)).toBe(false);
      expect(isRetryable({ kind: 'connection' }, false)).toBe(false);
    });
  });

  describe('backoff', () => {
    it('grows exponentially up to the maximum, with full jitter below it', () => {
      expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999999))).toEqual([
        99, 199, 399, 799, 999,
      ]);
      expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
      expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
    });

    it('waits at least the Retry-After of a 429', () => {
      expect(decide(status(429, 3000))).toEqual({ retry: true, delayMs: 3000 });
      expect(decide(status(429, 10), { attempt: 3 })).toEqual({ retry: true, delayMs: 400 });
    });
  });

  describe('limits', () => {
    it('stops after the last attempt', () => {
      expect(decide(status(503), { attempt: 4 })).toEqual({ retry: false, reason: 'attempts-exhausted' });
    });

    it('fails at once when the wait would not fit the remaining budget', () => {
      expect(decide(status(429, 30_000), { remainingMs: 9000 })).toEqual({
        retry: false,
        reason: 'budget-exhausted',
      });
      expect(decide(status(503), { remainingMs: 50 })).toEqual({ retry: false, reason: 'budget-exhausted' });
    });

    it('does not retry what is not retryable, whatever the budget', () => {
      expect(decide(status(404))).toEqual({ retry: false, reason: 'not-retryable' });
    });

    it('defaults to 3 attempts inside a 10 s budget', () => {
      expect(defaultRetryPolicy).toMatchObject({ maxAttempts: 3, budgetMs: 10_000 });
    });
  });

  describe('Retry-After', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');

    it('reads delta-seconds', () => {
      expect(parseRetryAfter('57', now)).toBe(57_000);
      expect(parseRetryAfter(' 0 ', now)).toBe(0);
    });

    it('reads an HTTP date relative to now, never negative', () => {
      expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
      expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    });

    it('ignores absent or unreadable values', () => {
      expect(parseRetryAfter(undefined, now)).toBeUndefined();
      expect(parseRetryAfter('soon', now)).toBeUndefined();
      expect(parseRetryAfter('1.5', now)).toBeUndefined();
      expect(parseRetryAfter('-3', now)).toBeUndefined();
    });
  });
});
