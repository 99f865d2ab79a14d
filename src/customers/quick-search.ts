import { LRUCache } from 'lru-cache';
import type { CallContext, CustomerSearchField, PartnerCenter } from '../api/partner-center';
import { type CustomerScope, scopeAllows } from '../auth/customer-scope';
import { isAppError } from '../errors';
import { type CustomerIndex, type IndexedCustomer, indexEntryOf } from './customer-index';

/**
 * Customer search under a deadline (the message extension must answer Teams within 5 seconds): the index
 * answers at once; while it is cold, Partner Center's `starts_with` search runs, and whatever it has not
 * answered within `waitMs` is left running so that the next try finds its result in a short-lived cache.
 */

export type QuickQuery =
  | { kind: 'tenantId'; tenantId: string }
  /** `field` is what Partner Center searches while the index is cold (it matches prefixes only). */
  | { kind: 'text'; text: string; field: CustomerSearchField };

export interface QuickSearchResult {
  /** Best first, at most `limit`. */
  customers: IndexedCustomer[];
  /** False when Partner Center was still searching at the deadline: these are the matches found so far. */
  complete: boolean;
}

export interface QuickSearchOptions {
  /** How long to wait for Partner Center before answering with what there is. */
  waitMs: number;
  limit: number;
  /** How long a finished Partner Center answer serves repeated queries. */
  liveCacheTtlMs?: number;
}

const DEFAULT_LIVE_CACHE_TTL_MS = 60_000;
const LIVE_CACHE_MAX = 200;
const stillRunning = Symbol('stillRunning');

export class QuickCustomerSearch {
  private readonly live: LRUCache<string, Promise<IndexedCustomer[]>>;

  constructor(
    private readonly index: CustomerIndex,
    private readonly partnerCenter: Pick<PartnerCenter, 'getCustomer' | 'searchCustomers'>,
    private readonly options: QuickSearchOptions,
  ) {
    this.live = new LRUCache({
      max: LIVE_CACHE_MAX,
      ttl: options.liveCacheTtlMs ?? DEFAULT_LIVE_CACHE_TTL_MS,
    });
  }

  async search(ctx: CallContext, query: QuickQuery): Promise<QuickSearchResult> {
    const scope = ctx.customerAccess?.scope;
    if (query.kind === 'tenantId') {
      const known = this.index.findTenant(query.tenantId, scope);
      if (known) return { customers: [known], complete: true };
      return this.withDeadline([], this.liveTenant(ctx, query.tenantId), scope);
    }
    const indexed = this.index.search(query.text, scope);
    const found = indexed.customers.slice(0, this.options.limit);
    if (indexed.coverage === 'complete') return { customers: found, complete: true };
    return this.withDeadline(found, this.liveSearch(ctx, query.field, query.text), scope);
  }

  private async withDeadline(
    found: IndexedCustomer[],
    live: Promise<IndexedCustomer[]>,
    scope: CustomerScope | undefined,
  ): Promise<QuickSearchResult> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof stillRunning>((resolve) => {
      timer = setTimeout(() => resolve(stillRunning), this.options.waitMs);
    });
    try {
      const answer = await Promise.race([live, deadline]);
      if (answer === stillRunning) return { customers: found, complete: false };
      const allowed = answer.filter((customer) => !scope || scopeAllows(scope, customer.id));
      return { customers: merge(found, allowed).slice(0, this.options.limit), complete: true };
    } catch (error) {
      // The index's partial answer is still worth showing; with nothing to show, the failure is the answer.
      if (found.length > 0) return { customers: found, complete: false };
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private liveSearch(ctx: CallContext, field: CustomerSearchField, prefix: string) {
    return this.cached(`${field}:${prefix.toLowerCase()}`, async () => {
      const page = await this.partnerCenter.searchCustomers(
        ctx,
        { field, prefix },
        { size: this.options.limit },
      );
      return page.items.map(indexEntryOf);
    });
  }

  private liveTenant(ctx: CallContext, tenantId: string) {
    return this.cached(`tenant:${tenantId.toLowerCase()}`, async () => {
      try {
        return [indexEntryOf(await this.partnerCenter.getCustomer(ctx, tenantId))];
      } catch (error) {
        if (isAppError(error) && error.code === 'PC_NOT_FOUND') return [];
        throw error;
      }
    });
  }

  /** One Partner Center call per query at a time; a failed call is forgotten so the next try calls again. */
  private cached(key: string, call: () => Promise<IndexedCustomer[]>): Promise<IndexedCustomer[]> {
    const existing = this.live.get(key);
    if (existing) return existing;
    const pending = call();
    this.live.set(key, pending);
    pending.catch(() => {
      if (this.live.get(key) === pending) this.live.delete(key);
    });
    return pending;
  }
}

function merge(first: readonly IndexedCustomer[], then: readonly IndexedCustomer[]): IndexedCustomer[] {
  const seen = new Set(first.map((customer) => customer.id.toLowerCase()));
  return [...first, ...then.filter((customer) => !seen.has(customer.id.toLowerCase()))];
}
