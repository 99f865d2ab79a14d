import type { IncomingMessage } from 'node:http';
import { errors } from './errors';

/**
 * Request bodies. Partner Center examples mix PascalCase and camelCase property names, so names are
 * matched case-insensitively (reference §2.5): keys are lower-cased once when the body is parsed, and
 * handlers read properties through `field` with any casing.
 */
export type JsonObject = { readonly [key: string]: unknown };

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads and parses the body: absent or blank → undefined; not a JSON object → 400 800002. */
export async function readJsonBody(request: IncomingMessage): Promise<JsonObject | undefined> {
  return parseJsonBody(await readBodyText(request));
}

export async function readBodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw errors.invalidInput('the body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(text: string): JsonObject | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalidInput('the body is not valid JSON');
  }
  if (!isJsonObject(parsed)) throw errors.invalidInput('the body must be a JSON object');
  return normalizeKeys(parsed) as JsonObject;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lower-cases every property name, recursively. */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (!isJsonObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[key.toLowerCase()] = normalizeKeys(inner);
  return result;
}

/** A property by case-insensitive name; `null` counts as absent (the SDK serializes unset fields as null). */
export function field(body: JsonObject | undefined, name: string): unknown {
  const value = body?.[name.toLowerCase()];
  return value === null ? undefined : value;
}

export function optionalString(body: JsonObject | undefined, name: string): string | undefined {
  const value = field(body, name);
  if (value === undefined || typeof value === 'string') return value;
  throw errors.invalidProperty(`${name} must be a string`);
}

export function optionalBoolean(body: JsonObject | undefined, name: string): boolean | undefined {
  const value = field(body, name);
  if (value === undefined || typeof value === 'boolean') return value;
  throw errors.invalidProperty(`${name} must be true or false`);
}

export function optionalInteger(body: JsonObject | undefined, name: string): number | undefined {
  const value = field(body, name);
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw errors.invalidProperty(`${name} must be an integer`);
}

export function optionalObject(body: JsonObject | undefined, name: string): JsonObject | undefined {
  const value = field(body, name);
  if (value === undefined || isJsonObject(value)) return value;
  throw errors.invalidProperty(`${name} must be an object`);
}

/**
 * An enum value sent as a string (any casing, with or without underscores) or as the integer ordinal
 * of the SDK enum (reference §2.5). Returns the snake_case name, or undefined when it is none of them.
 */
export function enumValue<T extends string>(value: unknown, ordinals: readonly T[]): T | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? ordinals[value] : undefined;
  if (typeof value !== 'string') return undefined;
  const wanted = squash(value);
  return ordinals.find((candidate) => squash(candidate) === wanted);
}

function squash(text: string): string {
  return text.replaceAll('_', '').toLowerCase();
}
