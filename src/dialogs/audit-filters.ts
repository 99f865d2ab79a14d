import { z } from 'zod';
import type { AuditQuery } from '../store/store';

/**
 * `audit [<customer id>] [customer:<id>] [agent:<id>] [action:<name>] [since:<date>]` → filters (pure),
 * and the opaque cursor of the "Older entries" button (checked again on arrival: card data is untrusted).
 */

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuditFilterQuery = Pick<AuditQuery, 'customerId' | 'actorId' | 'action' | 'since'>;

export type AuditFilterParse = { filters: AuditFilterQuery } | { problem: string };

export function parseAuditFilters(argument: string): AuditFilterParse {
  const filters: AuditFilterQuery = {};
  for (const token of argument.split(/\s+/).filter((part) => part !== '')) {
    const [rawKey, ...rest] = token.split(':');
    const key = rest.length > 0 ? (rawKey ?? '').toLowerCase() : 'customer';
    const value = rest.length > 0 ? rest.join(':') : token;
    switch (key) {
      case 'customer':
        if (!guid.test(value)) return { problem: token };
        filters.customerId = value.toLowerCase();
        break;
      case 'agent':
        if (!guid.test(value)) return { problem: token };
        filters.actorId = value.toLowerCase();
        break;
      case 'action':
        if (!/^[\w.:-]{1,80}$/.test(value)) return { problem: token };
        filters.action = value;
        break;
      case 'since': {
        const since = new Date(value);
        if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(since.getTime())) return { problem: token };
        filters.since = since;
        break;
      }
      default:
        return { problem: token };
    }
  }
  return { filters };
}

const cursorSchema = z
  .object({
    before: z.string().regex(/^\d{1,19}$/),
    customerId: z.string().regex(guid).optional(),
    actorId: z.string().regex(guid).optional(),
    action: z
      .string()
      .regex(/^[\w.:-]{1,80}$/)
      .optional(),
    since: z.iso.datetime().optional(),
  })
  .strict();

export interface AuditPage {
  filters: AuditFilterQuery;
  before?: string;
}

export function encodeAuditCursor(filters: AuditFilterQuery, before: string): string {
  const payload = { before, ...filters, since: filters.since?.toISOString() };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeAuditCursor(cursor: string): AuditPage | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return undefined;
    const { before, since, ...rest } = parsed.data;
    return { before, filters: { ...rest, ...(since ? { since: new Date(since) } : {}) } };
  } catch {
    return undefined;
  }
}
