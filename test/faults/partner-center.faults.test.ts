import type { ErrorCode } from '../../src/errors';
import type { FaultRule } from '../../src/simulator';
import { startSimulator } from '../../src/simulator';
import { generatedCustomer } from '../../src/simulator/data/generator';
import { startTestBot, type TestBot } from '../support/test-bot';
import { expectToldAbout, failureLines, say } from './turns';

/**
 * Partner Center misbehaving under a real bot (test-bot: 2 s timeouts, 3 attempts within 3 s): each fault
 * gives the user the catalog message with a reference, one correlated log line and one audit row for the
 * failure, and the next turn after the fault is gone works without restarting anything.
 */

const customerRoute = 'GET /v1/customers/{customer-tenant-id}';

let bot: TestBot;
let nextCustomer = 0;
/** A customer nobody looked up yet: reads are cached, and a cached read never meets the fault. */
const freshCustomer = () => generatedCustomer(nextCustomer++).profile;

beforeAll(async () => {
  bot = await startTestBot({ simulator: { extraCustomers: 60 } });
});
afterAll(async () => {
  await bot.close();
});
afterEach(() => {
  bot.simulator.faults.clear();
  bot.simulator.calls.reset();
});

interface PersistentFault {
  fault: string;
  rule: FaultRule;
  code: ErrorCode;
  attempts: number;
}

const persistentFaults: PersistentFault[] = [
  {
    fault: '429 with Retry-After',
    rule: { route: customerRoute, status: 429, retryAfterSeconds: 1 },
    code: 'PC_THROTTLED',
    attempts: 3,
  },
  {
    fault: '500 on every attempt',
    rule: { route: customerRoute, status: 500 },
    code: 'PC_UNAVAILABLE',
    attempts: 3,
  },
  {
    fault: 'a 10-second stall, past the 2-second timeout',
    rule: { route: customerRoute, latencyMs: 10_000 },
    code: 'PC_TIMEOUT',
    attempts: 2,
  },
  {
    fault: 'connection resets',
    rule: { route: customerRoute, mode: 'reset' },
    code: 'PC_UNAVAILABLE',
    attempts: 3,
  },
  {
    fault: 'malformed JSON in a 200 answer',
    rule: { route: customerRoute, mode: 'malformed-json' },
    code: 'PC_UNAVAILABLE',
    attempts: 1,
  },
];

describe.each(persistentFaults)('Partner Center answering with $fault', ({ rule, code, attempts }) => {
  it('tells the user, logs and audits the failure once under one reference, then recovers', async () => {
    const customer = freshCustomer();
    bot.simulator.faults.add(rule);

    const started = Date.now();
    const failed = await say(bot, `lookup ${customer.id}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    const reference = expectToldAbout(failed.texts, code);
    expect(bot.simulator.calls.count(customerRoute)).toBe(attempts);

    expect(failureLines(bot, reference)).toEqual([
      expect.objectContaining({ msg: 'action failed', code, action: 'lookup' }),
    ]);
    const attemptLines = bot.logs.filter(
      (line) => line.msg === 'partner center call' && line.correlationId === reference,
    );
    expect(attemptLines).toHaveLength(attempts);
    const audited = await bot.store.audit.query({ action: 'lookup', limit: 50 });
    expect(audited.filter((row) => row.correlationId === reference)).toEqual([
      expect.objectContaining({ outcome: 'failed', details: { code } }),
    ]);

    bot.simulator.faults.clear();
    const recovered = await say(bot, `lookup ${customer.id}`);
    expect(recovered.texts).toContain(customer.companyName);
  }, 20_000);
});

describe('Partner Center failing once', () => {
  it.each<[string, FaultRule]>([
    ['a 429 with Retry-After: 1', { route: customerRoute, status: 429, retryAfterSeconds: 1, times: 1 }],
    ['a 503', { route: customerRoute, status: 503, times: 1 }],
    ['a connection reset', { route: customerRoute, mode: 'reset', times: 1 }],
  ])('is retried after %s, and the user only sees the answer', async (_fault, rule) => {
    const customer = freshCustomer();
    bot.simulator.faults.add(rule);
    const reply = await say(bot, `lookup ${customer.id}`);
    expect(reply.texts).toContain(customer.companyName);
    expect(bot.simulator.calls.count(customerRoute)).toBe(2);
  });

  it('waits at least the Retry-After before trying again', async () => {
    const customer = freshCustomer();
    bot.simulator.faults.add({ route: customerRoute, status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await say(bot, `lookup ${customer.id}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('Partner Center down', () => {
  it('tells the user it is not answering, and works again as soon as it is back on the same address', async () => {
    const first = await startSimulator({ extraCustomers: 5 });
    const port = Number(new URL(first.url).port);
    await first.close();
    const isolated = await startTestBot({ env: { PARTNER_CENTER_BASE_URL: `http://127.0.0.1:${port}` } });
    try {
      const customer = generatedCustomer(1).profile;
      const down = await say(isolated, `lookup ${customer.id}`);
      const reference = expectToldAbout(down.texts, 'PC_UNAVAILABLE');
      expect(failureLines(isolated, reference)).toHaveLength(1);

      const back = await startSimulator({ extraCustomers: 5, port });
      try {
        const recovered = await say(isolated, `lookup ${customer.id}`);
        expect(recovered.texts).toContain(customer.companyName);
      } finally {
        await back.close();
      }
    } finally {
      await isolated.close();
    }
  }, 20_000);
});
