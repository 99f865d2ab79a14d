import { AppError } from '../errors';

/**
 * Tolerant reading of Partner Center JSON (reference §2.5): property names match case-insensitively
 * (responses are camelCase, documented examples also PascalCase), unknown properties are ignored, and
 * enums arrive as strings in any casing or as integer ordinals.
 */

export class UnexpectedShapeError extends AppError {
  constructor(reason: string) {
    super('PC_UNAVAILABLE', `Partner Center answered with an unexpected shape: ${reason}`, { reason });
    this.name = 'UnexpectedShapeError';
  }
}

/** Case-insensitive view of one JSON object. */
export class JsonFields {
  private readonly byLowerName = new Map<string, unknown>();

  constructor(raw: unknown, what: string) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new UnexpectedShapeError(`${what} is not an object`);
    }
    for (const [name, value] of Object.entries(raw)) {
      const lower = name.toLowerCase();
      if (!this.byLowerName.has(lower) || name === name.charAt(0).toLowerCase() + name.slice(1)) {
        this.byLowerName.set(lower, value);
      }
    }
  }

  get(name: string): unknown {
    return this.byLowerName.get(name.toLowerCase());
  }

  /** A string, or a number turned into one (ids the docs type as string but send as numbers). */
  string(name: string): string | undefined {
    const value = this.get(name);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  }

  requiredString(name: string, what: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw new UnexpectedShapeError(`${what}.${name} is missing`);
    return value;
  }

  number(name: string): number | undefined {
    const value = this.get(name);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    return undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.get(name);
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return undefined;
  }

  /** A string, or null kept as null (fields such as softDeletionTime are explicitly null). */
  nullableString(name: string): string | null | undefined {
    return this.get(name) === null ? null : this.string(name);
  }

  object(name: string, what: string): JsonFields | undefined {
    const value = this.get(name);
    return value === undefined || value === null ? undefined : new JsonFields(value, `${what}.${name}`);
  }

  array(name: string): unknown[] | undefined {
    const value = this.get(name);
    return Array.isArray(value) ? value : undefined;
  }

  strings(name: string): string[] | undefined {
    return this.array(name)?.filter((item): item is string => typeof item === 'string');
  }

  enumeration(name: string, ordinals?: readonly string[]): string | undefined {
    return enumValue(this.get(name), ordinals);
  }
}

/** `AttentionNeeded`, `attentionNeeded`, `ATTENTION_NEEDED` and `attention_needed` all read as `attention_needed`. */
function snakeCase(text: string): string {
  const trimmed = text.trim();
  if (trimmed.includes('_') || trimmed === trimmed.toUpperCase()) return trimmed.toLowerCase();
  return trimmed.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * An open enum as its lower-case snake_case string. Integer ordinals map through `ordinals` (the SDK enum
 * order); a string that matches a known value without its underscores (`attentionneeded`) maps to it;
 * anything else passes through normalized.
 */
export function enumValue(value: unknown, ordinals?: readonly string[]): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return ordinals?.[value] ?? String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return enumValue(Number(value.trim()), ordinals);
  const snake = snakeCase(value);
  const compact = snake.replace(/_/g, '');
  return ordinals?.find((known) => known.replace(/_/g, '') === compact) ?? snake;
}
