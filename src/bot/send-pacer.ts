import type { Logger } from '../log';

/**
 * Outgoing sends per conversation, within Teams' per-thread limits (7 per second, 60 per 30 seconds):
 * one send at a time per conversation, each waiting for a free slot in every window, and a send that
 * Teams answers 412, 429, 502 or 504 tried again after a backoff with full jitter (Retry-After as a floor).
 * Every attempt counts against the windows, since every attempt reaches Teams.
 */

export interface RateWindow {
  count: number;
  windowMs: number;
}

export interface PacingPolicy {
  windows: readonly RateWindow[];
  /** Attempts per send, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryStatuses: ReadonlySet<number>;
}

export const teamsPacing: PacingPolicy = Object.freeze({
  windows: Object.freeze([
    { count: 7, windowMs: 1000 },
    { count: 60, windowMs: 30_000 },
  ]),
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  retryStatuses: new Set([412, 429, 502, 504]),
});

export interface PacerEnvironment {
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** How long until one more send fits every window, given the (ascending) times of earlier sends. */
export function waitForSlot(sentAt: readonly number[], windows: readonly RateWindow[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    const recent = sentAt.filter((at) => at > now - window.windowMs);
    if (recent.length >= window.count) {
      const oldestThatMustExpire = recent[recent.length - window.count] as number;
      wait = Math.max(wait, oldestThatMustExpire + window.windowMs - now);
    }
  }
  return wait;
}

/** The HTTP status of a failed connector call, and its Retry-After in milliseconds, if it says so. */
export function failureOf(error: unknown): { status?: number; retryAfterMs?: number } {
  const candidate = error as {
    statusCode?: unknown;
    response?: { status?: unknown; headers?: { get?: (name: string) => unknown } & Record<string, unknown> };
  } | null;
  const statusValue = candidate?.statusCode ?? candidate?.response?.status;
  const status = typeof statusValue === 'number' ? statusValue : undefined;
  const headers = candidate?.response?.headers;
  const retryAfter =
    typeof headers?.get === 'function' ? headers.get('retry-after') : headers?.['retry-after'];
  const seconds =
    typeof retryAfter === 'string' && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
  return { status, retryAfterMs: seconds === undefined ? undefined : seconds * 1000 };
}

interface ConversationQueue {
  tail: Promise<unknown>;
  sentAt: number[];
  waiting: number;
}

const PRUNE_EVERY_SENDS = 256;

export class SendPacer {
  private readonly conversations = new Map<string, ConversationQueue>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly longestWindowMs: number;
  private sends = 0;

  constructor(
    private readonly policy: PacingPolicy,
    private readonly environment: PacerEnvironment,
  ) {
    this.now = environment.now ?? Date.now;
    this.sleep = environment.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = environment.random ?? Math.random;
    this.longestWindowMs = Math.max(...policy.windows.map((window) => window.windowMs));
  }

  /** Runs `attempt` (one call to Teams) in the conversation's queue, paced and retried. */
  send<T>(conversationId: string, attempt: () => Promise<T>): Promise<T> {
    const queue = this.queueOf(conversationId);
    queue.waiting += 1;
    const result = queue.tail.then(() => this.paced(queue, conversationId, attempt));
    queue.tail = result.catch(() => undefined);
    return result.finally(() => {
      queue.waiting -= 1;
      if (++this.sends % PRUNE_EVERY_SENDS === 0) this.prune();
    });
  }

  /** Conversations the pacer currently remembers (sends within the longest window, or queued). */
  tracked(): number {
    return this.conversations.size;
  }

  private queueOf(conversationId: string): ConversationQueue {
    let queue = this.conversations.get(conversationId);
    if (!queue) {
      queue = { tail: Promise.resolve(), sentAt: [], waiting: 0 };
      this.conversations.set(conversationId, queue);
    }
    return queue;
  }

  private async paced<T>(
    queue: ConversationQueue,
    conversationId: string,
    attempt: () => Promise<T>,
  ): Promise<T> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      for (let wait = this.slotWait(queue); wait > 0; wait = this.slotWait(queue)) await this.sleep(wait);
      const outcome = await attempt().then(
        (value) => ({ sent: true as const, value }),
        (error: unknown) => ({ sent: false as const, error }),
      );
      // Stamped once Teams has answered: never earlier than the moment the send arrived there.
      queue.sentAt.push(this.now());
      if (outcome.sent) return outcome.value;
      const failure = failureOf(outcome.error);
      const retryable = failure.status !== undefined && this.policy.retryStatuses.has(failure.status);
      if (!retryable || attemptNumber >= this.policy.maxAttempts) throw outcome.error;
      const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attemptNumber - 1));
      const delayMs = Math.max(failure.retryAfterMs ?? 0, Math.floor(this.random() * ceiling));
      this.environment.logger.warn(
        { conversationId, status: failure.status, attempt: attemptNumber, delayMs },
        'Teams refused a send: trying again',
      );
      await this.sleep(delayMs);
    }
  }

  private slotWait(queue: ConversationQueue): number {
    const now = this.now();
    queue.sentAt = queue.sentAt.filter((at) => at > now - this.longestWindowMs);
    return waitForSlot(queue.sentAt, this.policy.windows, now);
  }

  /** Forgets conversations with nothing queued and no send inside the longest window. */
  private prune(): void {
    const horizon = this.now() - this.longestWindowMs;
    for (const [conversationId, queue] of this.conversations) {
      if (queue.waiting === 0 && queue.sentAt.every((at) => at <= horizon))
        this.conversations.delete(conversationId);
    }
  }
}
