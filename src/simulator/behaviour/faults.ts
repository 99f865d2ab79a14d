import type { Random } from '../prng';
import { errorForStatus, type SimError } from '../protocol/errors';
import { isJsonObject } from '../protocol/request-body';

/** A fault to inject into API calls (see notes/sim-api.md). */
export interface FaultRule {
  /** A route key such as 'GET /v1/customers/{customer-tenant-id}'; absent = every API route. */
  route?: string;
  /** Answer this status with the documented error body (429 adds Retry-After). */
  status?: number;
  retryAfterSeconds?: number;
  /** Added delay before answering. */
  latencyMs?: number;
  /** stall: never answer (until close); reset: destroy the socket; malformed-json: 200 with a broken body. */
  mode?: 'stall' | 'reset' | 'malformed-json';
  /** Apply to the next N matching calls only (default: until cleared). */
  times?: number;
  /** 0..1 probability per call (default 1). */
  rate?: number;
}

export type FaultOutcome =
  | { kind: 'error'; error: SimError }
  | { kind: 'stall' }
  | { kind: 'reset' }
  | { kind: 'malformed-json' };

export interface FaultDecision {
  latencyMs: number;
  outcome?: FaultOutcome;
}

const DEFAULT_RETRY_AFTER_SECONDS = 1;
const modes = ['stall', 'reset', 'malformed-json'] as const;

/**
 * The active fault rules. For each call every matching rule that fires (by `rate`) adds its latency;
 * the first firing rule with a status or mode decides the answer. A rule with `times` is used up after
 * that many calls it took part in.
 */
export class FaultBook {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  constructor(private readonly random: Random) {}

  add(rule: FaultRule): void {
    const valid = parseFaultRule(rule);
    this.rules.push({ rule: valid, remaining: valid.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  decide(routeKey: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.route !== undefined && rule.route !== routeKey) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      const decides =
        decision.outcome === undefined && (rule.status !== undefined || rule.mode !== undefined);
      if (!decides && !rule.latencyMs) continue;
      decision.latencyMs += rule.latencyMs ?? 0;
      if (decides) decision.outcome = outcomeOf(rule);
      entry.remaining -= 1;
    }
    this.rules = this.rules.filter((entry) => entry.remaining > 0);
    return decision;
  }
}

function outcomeOf(rule: FaultRule): FaultOutcome {
  if (rule.mode !== undefined) return { kind: rule.mode };
  return {
    kind: 'error',
    error: errorForStatus(rule.status as number, rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS),
  };
}

/** Validates a rule from code or from `POST /_sim/faults`; throws a RangeError naming the bad property. */
export function parseFaultRule(value: unknown): FaultRule {
  if (!isJsonObject(value)) throw new RangeError('a fault rule must be an object');
  const rule = value as FaultRule;
  const check = (ok: boolean, property: string, expected: string) => {
    if (!ok) throw new RangeError(`fault rule ${property} must be ${expected}`);
  };
  const absentOr = (property: keyof FaultRule, test: (v: unknown) => boolean) =>
    rule[property] === undefined || test(rule[property]);
  const isInteger = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

  check(
    absentOr('route', (v) => typeof v === 'string' && /^[A-Z]+ \//.test(v)),
    'route',
    "like 'GET /v1/customers'",
  );
  check(
    absentOr('status', (v) => isInteger(v, 400, 599)),
    'status',
    'an HTTP error status (400-599)',
  );
  check(
    absentOr('retryAfterSeconds', (v) => isInteger(v, 0, 3600)),
    'retryAfterSeconds',
    'an integer 0-3600',
  );
  check(
    absentOr('latencyMs', (v) => isInteger(v, 0, 600_000)),
    'latencyMs',
    'an integer 0-600000',
  );
  check(
    absentOr('mode', (v) => modes.includes(v as FaultRule['mode'] & string)),
    'mode',
    modes.join(' | '),
  );
  check(
    absentOr('times', (v) => isInteger(v, 1, Number.MAX_SAFE_INTEGER)),
    'times',
    'a positive integer',
  );
  check(
    absentOr('rate', (v) => typeof v === 'number' && v >= 0 && v <= 1),
    'rate',
    'a number from 0 to 1',
  );
  check(!(rule.status !== undefined && rule.mode !== undefined), 'status', 'absent when mode is set');
  check(
    rule.status !== undefined || rule.mode !== undefined || rule.latencyMs !== undefined,
    'status, mode or latencyMs',
    'set',
  );
  return { ...rule };
}
