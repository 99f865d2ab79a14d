import { request } from 'undici';

/** Steering the simulator process over its /_sim/ routes: added upstream latency and call counts. */

export interface SimulatorControl {
  /** Every API call answers after `ms` (0: no added latency). */
  setLatency(ms: number): Promise<void>;
  resetCalls(): Promise<void>;
  calls(): Promise<{ total: number; byRoute: Record<string, number> }>;
}

export function simulatorControl(url: string): SimulatorControl {
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: object) => {
    const response = await request(`${url}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.body.text();
    if (response.statusCode >= 300)
      throw new Error(`simulator ${method} ${path}: ${response.statusCode} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    async setLatency(ms) {
      await call('DELETE', '/_sim/faults');
      if (ms > 0) await call('POST', '/_sim/faults', { latencyMs: ms });
    },
    async resetCalls() {
      await call('POST', '/_sim/calls/reset');
    },
    calls: () => call('GET', '/_sim/calls'),
  };
}
