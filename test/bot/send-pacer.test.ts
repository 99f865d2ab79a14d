import { failureOf, type PacingPolicy, SendPacer, teamsPacing, waitForSlot } from '../../src/bot/send-pacer';
import { silentLogger } from '../../src/log';

/** A clock that only moves when the pacer sleeps: every wait is visible and the test takes no time. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

function refusal(status: number, retryAfter?: string) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: {
      status,
      headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) },
    },
  });
}

function pacer(time = virtualTime(), policy: PacingPolicy = teamsPacing, random = () => 0.5) {
  return new SendPacer(policy, { logger: silentLogger(), now: time.now, sleep: time.sleep, random });
}

/** Largest number of sends inside any window of `windowMs` (the times in ascending order). */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + windowMs).length));
}

describe('waitForSlot', () => {
  it('lets a send go at once while every window has room', () => {
    expect(waitForSlot([0, 100, 200], teamsPacing.windows, 300)).toBe(0);
  });

  it('waits until the oldest send of a full one-second window leaves it', () => {
    const seven = [0, 10, 20, 30, 40, 50, 60];
    expect(waitForSlot(seven, teamsPacing.windows, 100)).toBe(900);
    expect(waitForSlot(seven, teamsPacing.windows, 999)).toBe(1);
    expect(waitForSlot(seven, teamsPacing.windows, 1000)).toBe(0);
  });

  it('waits for the thirty-second window when sixty sends fill it', () => {
    const sixty = Array.from({ length: 60 }, (_, index) => index * 200);
    expect(waitForSlot(sixty, teamsPacing.windows, 12_000)).toBe(18_000);
  });
});

describe('failureOf', () => {
  it('reads the status and a Retry-After in seconds from a connector error', () => {
    expect(failureOf(refusal(429, '3'))).toEqual({ status: 429, retryAfterMs: 3000 });
    expect(failureOf(refusal(502))).toEqual({ status: 502, retryAfterMs: undefined });
  });

  it('finds no status on errors that are not HTTP answers', () => {
    expect(failureOf(new Error('socket hang up'))).toEqual({ status: undefined, retryAfterMs: undefined });
    expect(failureOf(undefined)).toEqual({ status: undefined, retryAfterMs: undefined });
  });
});

describe('SendPacer', () => {
  it('keeps a burst to one conversation within 7 per second and 60 per 30 seconds, in order', async () => {
    const time = virtualTime();
    const paced = pacer(time);
    const sentAt: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 130 }, (_, index) =>
        paced.send('conversation-a', async () => {
          sentAt.push(time.now());
          order.push(index);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 130 }, (_, index) => index));
    expect(busiestWindow(sentAt, 1000)).toBe(7);
    expect(busiestWindow(sentAt, 30_000)).toBe(60);
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(60_000);
  });

  it('does not hold one conversation back for another', async () => {
    const time = virtualTime();
    const paced = pacer(time);
    const sentAt: Record<string, number[]> = { a: [], b: [] };
    await Promise.all(
      ['a', 'b'].flatMap((conversation) =>
        Array.from({ length: 7 }, () =>
          paced.send(conversation, async () => {
            sentAt[conversation]?.push(time.now());
          }),
        ),
      ),
    );
    expect(time.sleeps).toEqual([]);
    expect(sentAt.b).toHaveLength(7);
  });

  it('tries a send Teams answered 429 again after its Retry-After, and returns its result', async () => {
    const time = virtualTime();
    const answers = [refusal(429, '2'), 'sent'];
    const result = await pacer(time).send('c', async () => {
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    });
    expect(result).toBe('sent');
    expect(time.sleeps).toEqual([2000]);
  });

  it.each([412, 502, 504])('retries %i with backoff and jitter until it succeeds', async (status) => {
    const time = virtualTime();
    let attempts = 0;
    await pacer(time, teamsPacing, () => 0.5).send('c', async () => {
      attempts += 1;
      if (attempts < 3) throw refusal(status);
    });
    expect(attempts).toBe(3);
    expect(time.sleeps).toEqual([250, 500]);
  });

  it('gives up after the last attempt with the last refusal', async () => {
    const time = virtualTime();
    let attempts = 0;
    const sending = pacer(time).send('c', async () => {
      attempts += 1;
      throw refusal(502);
    });
    await expect(sending).rejects.toMatchObject({ statusCode: 502 });
    expect(attempts).toBe(teamsPacing.maxAttempts);
  });

  it.each([400, 403, 404, 500])(
    'does not retry %i, which a second attempt would not change',
    async (status) => {
      let attempts = 0;
      await expect(
        pacer().send('c', async () => {
          attempts += 1;
          throw refusal(status);
        }),
      ).rejects.toMatchObject({ statusCode: status });
      expect(attempts).toBe(1);
    },
  );

  it('lets the next send of the conversation go after one failed', async () => {
    const paced = pacer();
    await expect(paced.send('c', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(paced.send('c', async () => 'next')).resolves.toBe('next');
  });

  it('forgets conversations that went quiet, so a thousand conversations leave nothing behind', async () => {
    const time = virtualTime();
    const paced = pacer(time);
    for (let index = 0; index < 1000; index++)
      await paced.send(`conversation-${index}`, async () => undefined);
    time.advance(31_000);
    for (let index = 0; index < 256; index++) await paced.send('still-talking', async () => undefined);
    expect(paced.tracked()).toBe(1);
  });
});
