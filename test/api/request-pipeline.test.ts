import { HttpTransport } from '../../src/api/http-transport';
import type { PartnerCenterError } from '../../src/api/partner-center-error';
import { type Operation, RequestPipeline } from '../../src/api/request-pipeline';
import type { RetryPolicy } from '../../src/api/retry-policy';
import { silentLogger } from '../../src/log';
import {
  capturingLogger,
  ctx,
  fakeTokens,
  type MockPartnerCenter,
  mockPartnerCenter,
  ORIGIN,
} from './support/mock-partner-center';

const PATH = '/v1/customers/81a570b1-db47-4da6-9abd-a31abacd60b8';
const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000, budgetMs: 10_000 };

const read = (idempotent: boolean): Operation<unknown> => ({
  route: 'GET /v1/customers/{customer-tenant-id}',
  method: idempotent ? 'GET' : 'PATCH',
  path: PATH,
  token: 'app',
  idempotent,
  ...(idempotent ? {} : { body: { status: 'suspended' } }),
  read: (json) => json,
});

let pc: MockPartnerCenter;
let transport: HttpTransport;

function pipeline(
  overrides: { logger?: ReturnType<typeof silentLogger>; random?: () => number } = {},
): RequestPipeline {
  return new RequestPipeline({
    transport,
    tokens: fakeTokens().provider,
    logger: overrides.logger ?? silentLogger(),
    applicationName: 'test',
    retry: policy,
    random: overrides.random ?? (() => 0.5),
  });
}

/** Settles the promise's outcome without throwing, so fake time can run while it is pending. */
function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: PartnerCenterError }> {
  return promise.then(
    (value) => ({ value }),
    (error: PartnerCenterError) => ({ error }),
  );
}

const requestIds = () => pc.requests.map((request) => request.headers['ms-requestid']);

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
  pc = mockPartnerCenter();
  transport = new HttpTransport(ORIGIN, { connectMs: 1000, headersMs: 5000, bodyMs: 5000 }, pc.agent);
});

afterEach(async () => {
  jest.useRealTimers();
  await pc.close();
});

describe('retries', () => {
  it('waits the Retry-After of a 429, then retries with the same MS-RequestId', async () => {
    pc.on(
      'GET',
      PATH,
      {
        status: 429,
        body: { statusCode: 429, message: 'Rate limit is exceeded' },
        headers: { 'retry-after': '2' },
      },
      1,
    );
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(1999);
    expect(pc.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ value: { id: 'ok' } });
    expect(pc.requests).toHaveLength(2);
    expect(new Set(requestIds()).size).toBe(1);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 3000).toUTCString();
    pc.on('GET', PATH, { status: 429, body: '', headers: { 'retry-after': retryAt } }, 1);
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(1500);
    expect(pc.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1500);
    expect((await result).value).toEqual({ id: 'ok' });
  });

  it('backs off exponentially with jitter on 503 for an idempotent call', async () => {
    pc.on('GET', PATH, { status: 503, body: '' }, 2);
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline({ random: () => 0.5 }).send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(99);
    expect(pc.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(pc.requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(199);
    expect(pc.requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect((await result).value).toEqual({ id: 'ok' });
    expect(pc.requests).toHaveLength(3);
    expect(new Set(requestIds()).size).toBe(1);
  });

  it.each([500, 502, 504])('retries %i for an idempotent call', async (status) => {
    pc.on('GET', PATH, { status, body: '' }, 1);
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(1000);
    expect((await result).value).toEqual({ id: 'ok' });
  });

  it('gives up after the last attempt with the last failure', async () => {
    pc.on('GET', PATH, { status: 503, body: { code: 800003, description: 'Unexpected service error' } });
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(5000);
    expect((await result).error).toMatchObject({
      code: 'PC_UNAVAILABLE',
      httpStatus: 503,
      partnerCode: '800003',
    });
    expect(pc.requests).toHaveLength(3);
  });

  it('never retries a 500 on a non-idempotent write', async () => {
    pc.on('PATCH', PATH, { status: 500, body: '' });
    const { error } = await settle(pipeline().send(ctx, read(false)));
    expect(error).toMatchObject({ code: 'PC_UNAVAILABLE', httpStatus: 500 });
    expect(pc.requests).toHaveLength(1);
  });

  it('retries a 429 on a non-idempotent write with the same MS-RequestId', async () => {
    pc.on('PATCH', PATH, { status: 429, body: '', headers: { 'retry-after': '1' } }, 1);
    pc.on('PATCH', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline().send(ctx, read(false)));
    await jest.advanceTimersByTimeAsync(1000);
    expect((await result).value).toEqual({ id: 'ok' });
    expect(requestIds()).toHaveLength(2);
    expect(new Set(requestIds()).size).toBe(1);
    expect(pc.requests[1].body).toEqual({ status: 'suspended' });
  });

  it('fails at once with PC_THROTTLED and retryAfterSeconds when Retry-After exceeds the budget', async () => {
    pc.on('GET', PATH, {
      status: 429,
      body: { statusCode: 429, message: 'Try again in 57 seconds.' },
      headers: { 'retry-after': '57' },
    });
    const { error } = await settle(pipeline().send(ctx, read(true)));
    expect(error).toMatchObject({ code: 'PC_THROTTLED', httpStatus: 429, retryAfterSeconds: 57 });
    expect(pc.requests).toHaveLength(1);
  });

  it('retries a connection reset for an idempotent call, but not for a write', async () => {
    const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    pc.agent.get(ORIGIN).intercept({ path: PATH, method: 'GET' }).replyWithError(reset());
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(1000);
    expect((await result).value).toEqual({ id: 'ok' });

    pc.agent.get(ORIGIN).intercept({ path: PATH, method: 'PATCH' }).replyWithError(reset());
    const { error } = await settle(pipeline().send(ctx, read(false)));
    expect(error).toMatchObject({ code: 'PC_UNAVAILABLE' });
    expect(error?.message).toMatch(/ECONNRESET/);
  });

  it('logs one line per attempt with its number', async () => {
    const capture = capturingLogger();
    pc.on('GET', PATH, { status: 503, body: '' }, 1);
    pc.on('GET', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const result = settle(pipeline({ logger: capture.logger }).send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(1000);
    await result;
    expect(capture.lines.map((line) => [line.attempt, line.status, line.level])).toEqual([
      [1, 503, 'warn'],
      [2, 200, 'info'],
    ]);
  });
});

describe('request ids for the caller', () => {
  it('tells the context the MS-RequestId of each call once, the same one its retries resend', async () => {
    pc.on('PATCH', PATH, { status: 429, body: { statusCode: 429 }, headers: { 'retry-after': '1' } }, 1);
    pc.on('PATCH', PATH, { status: 200, body: { id: 'ok' } }, 1);
    const seen: { route: string; requestId: string }[] = [];
    const result = settle(
      pipeline().send({ ...ctx, onRequest: (request) => seen.push(request) }, read(false)),
    );
    await jest.advanceTimersByTimeAsync(1000);
    expect((await result).value).toEqual({ id: 'ok' });
    expect(requestIds()).toHaveLength(2);
    expect(seen).toEqual([{ route: 'GET /v1/customers/{customer-tenant-id}', requestId: requestIds()[0] }]);
  });
});

describe('time budget', () => {
  it('ends a call that stalls past the budget with PC_TIMEOUT', async () => {
    pc.agent.get(ORIGIN).intercept({ path: PATH, method: 'GET' }).reply(200, { id: 'late' }).delay(60_000);
    const result = settle(pipeline().send(ctx, read(true)));
    await jest.advanceTimersByTimeAsync(9_999);
    expect(await Promise.race([result, Promise.resolve('pending')])).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    const { error } = await result;
    expect(error).toMatchObject({ code: 'PC_TIMEOUT', requestId: expect.any(String) });
  });

  it("stops at once when the caller's own signal aborts", async () => {
    pc.on('GET', PATH, { status: 503, body: '' });
    const caller = new AbortController();
    const result = settle(pipeline().send({ ...ctx, signal: caller.signal }, read(true)));
    await jest.advanceTimersByTimeAsync(10);
    caller.abort(new Error('turn cancelled'));
    const { error } = await result;
    expect((error as unknown as Error).message).toBe('turn cancelled');
    expect(pc.requests).toHaveLength(1);
  });
});
