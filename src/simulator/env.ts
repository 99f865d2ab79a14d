import type { SimulatorOptions } from './index';

/**
 * The `npm run simulator` settings: SIMULATOR_HOST (default 127.0.0.1), SIMULATOR_PORT (default 4010),
 * EXTRA_CUSTOMERS, SIMULATOR_LATENCY_MS and SIMULATOR_AUTH (off | claims). Throws one message naming
 * every bad variable.
 */
const DEFAULT_SIMULATOR_PORT = 4010;

export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, max: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value > max) {
      problems.push(`${name} must be an integer from 0 to ${max}`);
      return fallback;
    }
    return value;
  };
  const auth = env.SIMULATOR_AUTH?.trim() || 'off';
  if (auth !== 'off' && auth !== 'claims') problems.push('SIMULATOR_AUTH must be off or claims');
  const options: SimulatorOptions = {
    host: env.SIMULATOR_HOST?.trim() || '127.0.0.1',
    port: integer('SIMULATOR_PORT', DEFAULT_SIMULATOR_PORT, 65_535),
    extraCustomers: integer('EXTRA_CUSTOMERS', 0, 1_000_000),
    latencyMs: integer('SIMULATOR_LATENCY_MS', 0, 60_000),
    auth: auth === 'claims' ? 'claims' : 'off',
  };
  if (problems.length > 0) throw new Error(`Invalid simulator settings: ${problems.join('; ')}`);
  return options;
}
