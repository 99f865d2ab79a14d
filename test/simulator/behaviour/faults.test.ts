import type { RunningSimulator } from '../../../src/simulator';
import { client, ids, type SimClient, start } from '../sim-client';

const customerRoute = 'GET /v1/customers/{customer-tenant-id}';
const customerPath = `/v1/customers/${ids.dtDemo}`;

describe('fault injection and call counting (notes/sim-api.md)', () => {
  let simulator: RunningSimulator;
  let api: SimClient;

  beforeEach(async () => {
    simulator = await start();
    api = client(simulator);
  });
  afterEach(() => simulator.close());

  it('answers 429 with Retry-After and the throttling body for the next N calls of one route', async () => {
    simulator.faults.add({ route: customerRoute, status: 429, retryAfterSeconds: 7, times: 2 });
    const throttled = await api.get(customerPath);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded. Try again in 7 seconds.',
    });
    expect((await api.get('/v1/customers?size=1')).status).toBe(200);
    expect((await api.get(customerPath)).status).toBe(429);
    expect((await api.get(customerPath)).status).toBe(200);
  });

  it('answers other statuses with the documented error body: 500 800003, 401 with WWW-Authenticate', async () => {
    simulator.faults.add({ status: 500, times: 1 });
    const failed = await api.get(customerPath);
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({
      code: 800003,
      description: 'Unexpected service error',
      data: [],
      source: 'PartnerFD',
    });
    simulator.faults.add({ status: 401, times: 1 });
    const unauthorized = await api.get(customerPath);
    expect(unauthorized.body.code).toBe(400);
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^OAuth realm=/);
  });

  it('adds latency, and fixed latency from the options', async () => {
    simulator.faults.add({ route: customerRoute, latencyMs: 150, times: 1 });
    const started = performance.now();
    expect((await api.get(customerPath)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    const slow = await start({ latencyMs: 120 });
    try {
      const slowStart = performance.now();
      await client(slow).get(customerPath);
      expect(performance.now() - slowStart).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });

  it('stalls without answering until the client gives up, and close() still ends promptly', async () => {
    simulator.faults.add({ route: customerRoute, mode: 'stall' });
    await expect(
      fetch(`${simulator.url}${customerPath}`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    const pending = fetch(`${simulator.url}${customerPath}`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await simulator.close();
    expect(await pending).toBe('failed');
  });

  it('resets the connection', async () => {
    simulator.faults.add({ mode: 'reset', times: 1 });
    await expect(fetch(`${simulator.url}${customerPath}`)).rejects.toThrow('fetch failed');
    expect((await api.get(customerPath)).status).toBe(200);
  });

  it('answers 200 with a body that is not valid JSON', async () => {
    simulator.faults.add({ mode: 'malformed-json', times: 1 });
    const response = await fetch(`${simulator.url}${customerPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await expect(response.json()).rejects.toThrow(/JSON/);
  });

  it('fires a rated rule on about that share of calls, deterministically from run to run', async () => {
    simulator.faults.add({ route: customerRoute, status: 503, rate: 0.3 });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await api.get(customerPath)).status);
    const failures = statuses.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(30);

    const rerun = await start();
    try {
      rerun.faults.add({ route: customerRoute, status: 503, rate: 0.3 });
      const again: number[] = [];
      for (let i = 0; i < 60; i++) again.push((await client(rerun).get(customerPath)).status);
      expect(again).toEqual(statuses);
    } finally {
      await rerun.close();
    }
  });

  it('clears all rules', async () => {
    simulator.faults.add({ status: 500 });
    simulator.faults.clear();
    expect((await api.get(customerPath)).status).toBe(200);
  });

  it('refuses invalid rules', () => {
    expect(() => simulator.faults.add({ status: 200 })).toThrow(RangeError);
    expect(() => simulator.faults.add({ mode: 'reset', status: 500 })).toThrow(RangeError);
    expect(() => simulator.faults.add({ rate: 2, status: 500 })).toThrow(RangeError);
    expect(() => simulator.faults.add({ route: 'customers', status: 500 })).toThrow(RangeError);
    expect(() => simulator.faults.add({})).toThrow(RangeError);
  });

  it('counts API calls per route key, faulted ones included', async () => {
    simulator.faults.add({ route: customerRoute, status: 429, times: 1 });
    await api.get(customerPath);
    await api.get(customerPath);
    await api.get(`${customerPath}/users`);
    expect(simulator.calls.count(customerRoute)).toBe(2);
    expect(simulator.calls.count()).toBe(3);
    expect(simulator.calls.byRoute()).toEqual({
      [customerRoute]: 2,
      'GET /v1/customers/{customer-tenant-id}/users': 1,
    });
    simulator.calls.reset();
    expect(simulator.calls.count()).toBe(0);
  });

  describe('over HTTP under /_sim/', () => {
    it('adds and clears faults, reads and resets call counts, without counting itself', async () => {
      const added = await api.post('/_sim/faults', { route: customerRoute, status: 503, times: 1 });
      expect(added.status).toBe(204);
      expect((await api.get(customerPath)).status).toBe(503);
      await api.post('/_sim/faults', { status: 500 });
      expect((await api.delete('/_sim/faults')).status).toBe(204);
      expect((await api.get(customerPath)).status).toBe(200);

      const calls = await api.get('/_sim/calls');
      expect(calls.body).toEqual({ total: 2, byRoute: { [customerRoute]: 2 } });
      expect((await api.post('/_sim/calls/reset', undefined)).status).toBe(204);
      expect((await api.get('/_sim/calls')).body).toEqual({ total: 0, byRoute: {} });
    });

    it('refuses a rule that is not valid with 400 and a description', async () => {
      const response = await api.post('/_sim/faults', { status: 'often' });
      expect(response.status).toBe(400);
      expect(response.body.description).toContain('status');
      expect((await api.post('/_sim/faults', '{not json')).status).toBe(400);
    });
  });
});
