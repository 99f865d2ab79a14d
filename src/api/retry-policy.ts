/**
 * When to retry a Partner Center call, and how long to wait first (pure; the loop lives in request-pipeline.ts).
 *
 * - Idempotent calls retry 429, 500, 502, 503, 504, timeouts and connection failures.
 * - Non-idempotent writes retry only 429, which Partner Center returns before processing the request.
 * - The wait is exponential backoff with full jitter; a 429's Retry-After is a floor under it.
 * - The whole call, waits included, must fit an overall budget so a bot turn stays inside Teams' 15 s:
 *   a wait that does not fit ends the call at once with the last failure.
 */

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time for the whole logical call, retries and waits included. */
  budgetMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  budgetMs: 10_000,
});

export type AttemptFailure =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'timeout' }
  | { kind: 'connection' };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-retryable' | 'attempts-exhausted' | 'budget-exhausted' };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(failure: AttemptFailure, idempotent: boolean): boolean {
  if (failure.kind !== 'status') return idempotent;
  if (failure.status === 429) return true;
  return idempotent && RETRYABLE_STATUSES.has(failure.status);
}

/** Full jitter: a uniform random wait between 0 and min(maxDelay, baseDelay · 2^(attempt-1)). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `nowMs`; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - nowMs);
}

export function decideRetry(input: {
  failure: AttemptFailure;
  /** The attempt that just failed, from 1. */
  attempt: number;
  idempotent: boolean;
  /** Budget left for waiting and the next attempt. */
  remainingMs: number;
  policy: RetryPolicy;
  random: () => number;
}): RetryDecision {
  const { failure, attempt, idempotent, remainingMs, policy, random } = input;
  if (!isRetryable(failure, idempotent)) return { retry: false, reason: 'not-retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const backoff = backoffDelayMs(attempt, policy, random);
  const retryAfter = failure.kind === 'status' ? (failure.retryAfterMs ?? 0) : 0;
  const delayMs = Math.max(retryAfter, backoff);
  if (delayMs >= remainingMs) return { retry: false, reason: 'budget-exhausted' };
  return { retry: true, delayMs };
}
