import { AppError } from '../errors';
import type { AuditEntry } from './store';

const outcomes = new Set(['allowed', 'denied', 'succeeded', 'failed']);

/** Key fragments that mark a value as a secret, compared after lower-casing and dropping separators. */
const secretKeyFragments = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'credential',
  'apikey',
  'authorization',
  'cookie',
  'privatekey',
  'assertion',
];

/** Upper bound of the serialized details: audit rows hold short facts, not payloads. */
export const maxDetailsBytes = 4096;

export function isSecretLikeKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return secretKeyFragments.some((fragment) => normalized.includes(fragment));
}

/** The first secret-like key anywhere in a details value (nested objects and arrays included), with its path. */
export function findSecretLikeKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecretLikeKey(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (isSecretLikeKey(key)) return keyPath;
    const found = findSecretLikeKey(item, keyPath);
    if (found) return found;
  }
  return undefined;
}

function invalid(reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INTERNAL', `Audit entry rejected: ${reason}`, details);
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${field} must be a non-empty string`);
}

/**
 * Throws (AppError INTERNAL: a caller bug, not a user error) unless the entry is fit for the audit log.
 * Secret-looking detail keys are refused outright, so a careless caller cannot write a password or token.
 * Error messages name the offending key, never its value.
 */
export function validateAuditEntry(entry: AuditEntry): void {
  requireText(entry.actorId, 'actorId');
  requireText(entry.action, 'action');
  requireText(entry.correlationId, 'correlationId');
  if (!outcomes.has(entry.outcome)) throw invalid(`outcome must be one of ${[...outcomes].join(', ')}`);
  if (!Array.isArray(entry.roles) || entry.roles.some((role) => typeof role !== 'string')) {
    throw invalid('roles must be an array of strings');
  }
  if (entry.details === undefined) return;
  if (entry.details === null || typeof entry.details !== 'object' || Array.isArray(entry.details)) {
    throw invalid('details must be an object');
  }
  const secretKey = findSecretLikeKey(entry.details);
  if (secretKey !== undefined)
    throw invalid(`details key "${secretKey}" looks like a secret`, { key: secretKey });
  const size = Buffer.byteLength(JSON.stringify(entry.details));
  if (size > maxDetailsBytes) throw invalid(`details take ${size} bytes, more than ${maxDetailsBytes}`);
}
