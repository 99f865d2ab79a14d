import { optionsFromEnv } from '../../src/simulator/env';

describe('npm run simulator settings', () => {
  it('defaults to 127.0.0.1:4010, no extra customers, no latency, auth off', () => {
    expect(optionsFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 4010,
      extraCustomers: 0,
      latencyMs: 0,
      auth: 'off',
    });
  });

  it('reads SIMULATOR_HOST, SIMULATOR_PORT, EXTRA_CUSTOMERS, SIMULATOR_LATENCY_MS and SIMULATOR_AUTH', () => {
    expect(
      optionsFromEnv({
        SIMULATOR_HOST: '0.0.0.0',
        SIMULATOR_PORT: '0',
        EXTRA_CUSTOMERS: '10000',
        SIMULATOR_LATENCY_MS: '25',
        SIMULATOR_AUTH: 'claims',
      }),
    ).toEqual({ host: '0.0.0.0', port: 0, extraCustomers: 10000, latencyMs: 25, auth: 'claims' });
  });

  it('names every bad setting in one error', () => {
    expect(() =>
      optionsFromEnv({
        SIMULATOR_PORT: '70000',
        EXTRA_CUSTOMERS: '-1',
        SIMULATOR_LATENCY_MS: 'fast',
        SIMULATOR_AUTH: 'on',
      }),
    ).toThrow(/SIMULATOR_PORT.*EXTRA_CUSTOMERS.*SIMULATOR_LATENCY_MS|SIMULATOR_AUTH/);
  });
});
