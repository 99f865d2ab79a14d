import { randomUUID } from 'node:crypto';
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Customer } from '../api/models';
import type { PartnerCenter } from '../api/partner-center';
import { type CustomerScope, scopeAllows } from '../auth/customer-scope';
import type { Logger } from '../log';
import type { CustomerIndexEntry, CustomerIndexStore } from '../store/customer-index-store';
import { indexTerms, normalizeTerm, tokenize } from './search-terms';

/**
 * Every customer of the partner (company name, domain, tenant id) in memory, searchable in a millisecond
 * with typos and in any word order — Partner Center itself only matches the start of a name or a domain.
 *
 * Filled by paging A1 list customers, swapped in whole when a refresh completes, and persisted in the store,
 * so that a restarted bot answers from the previous refresh at once. Before the first refresh completes the
 * index is cold: it answers with what it has so far and says its answer is partial.
 */

export type IndexedCustomer = CustomerIndexEntry;

/** complete: every customer as of the last refresh; partial: the first pages of a first load; none: empty. */
export type IndexCoverage = 'complete' | 'partial' | 'none';

export interface IndexSearchResult {
  /** Best first. */
  customers: IndexedCustomer[];
  coverage: IndexCoverage;
}

export interface CustomerIndexStatus {
  coverage: IndexCoverage;
  customers: number;
  refreshedAt?: Date;
}

export interface CustomerIndexOptions {
  /** Customers per A1 page (Partner Center serves at most 500). */
  pageSize?: number;
  logger: Logger;
  now?: () => Date;
}

export const DEFAULT_INDEX_PAGE_SIZE = 500;

/**
 * Exact and prefix matches of every query word first; only when there is none, the same with typos
 * (one edit per five letters, at most two). Company names weigh twice as much as domains.
 */
const strictSearch: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: false,
  boost: { companyName: 2 },
  processTerm: normalizeTerm,
};
const tolerantSearch: SearchOptions = { ...strictSearch, fuzzy: 0.2, maxFuzzy: 2 };

/** One immutable generation of the index. */
class Snapshot {
  private readonly engine = new MiniSearch<IndexedCustomer & { key: string }>({
    idField: 'key',
    fields: ['companyName', 'domain'],
    storeFields: [],
    tokenize,
    processTerm: indexTerms,
    searchOptions: strictSearch,
  });
  private readonly byKey = new Map<string, IndexedCustomer>();
  private readonly byTenantId = new Map<string, IndexedCustomer>();

  get size(): number {
    return this.byKey.size;
  }

  add(customers: readonly IndexedCustomer[]): void {
    const fresh = customers.filter((customer) => !this.byKey.has(customer.id.toLowerCase()));
    for (const customer of fresh) {
      this.byKey.set(customer.id.toLowerCase(), customer);
      this.byTenantId.set(customer.tenantId.toLowerCase(), customer);
    }
    this.engine.addAll(fresh.map((customer) => ({ ...customer, key: customer.id.toLowerCase() })));
  }

  customers(): IndexedCustomer[] {
    return [...this.byKey.values()];
  }

  findTenant(tenantId: string): IndexedCustomer | undefined {
    return this.byTenantId.get(tenantId.toLowerCase());
  }

  search(query: string): IndexedCustomer[] {
    const strict = this.engine.search(query, strictSearch);
    const results = strict.length > 0 ? strict : this.engine.search(query, tolerantSearch);
    return results
      .map((result) => ({ score: result.score, customer: this.byKey.get(result.id as string) }))
      .filter((hit): hit is { score: number; customer: IndexedCustomer } => hit.customer !== undefined)
      .sort((a, b) => b.score - a.score || byName(a.customer, b.customer))
      .map((hit) => hit.customer);
  }
}

/** Ties in score go by company name, then id: a cheap, stable order (not a collation). */
function byName(a: IndexedCustomer, b: IndexedCustomer): number {
  if (a.companyName !== b.companyName) return a.companyName < b.companyName ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function indexEntryOf(customer: Customer): IndexedCustomer {
  return {
    id: customer.id,
    tenantId: customer.companyProfile.tenantId || customer.id,
    companyName: customer.companyProfile.companyName,
    domain: customer.companyProfile.domain,
    ...(customer.relationshipToPartner && { relationshipToPartner: customer.relationshipToPartner }),
  };
}

/** The summary a card can show for an indexed customer (what A1 and A2 return for it). */
export function customerOf(entry: IndexedCustomer): Customer {
  return {
    id: entry.id,
    companyProfile: { tenantId: entry.tenantId, domain: entry.domain, companyName: entry.companyName },
    ...(entry.relationshipToPartner && { relationshipToPartner: entry.relationshipToPartner }),
  };
}

function inScope(customer: IndexedCustomer, scope: CustomerScope | undefined): boolean {
  return !scope || scopeAllows(scope, customer.id);
}

export class CustomerIndex {
  private current: Snapshot | undefined;
  /** The snapshot being filled by the first load, searchable (as partial) while the index is cold. */
  private firstLoad: Snapshot | undefined;
  private refreshedAt: Date | undefined;
  private running: Promise<void> | undefined;
  private readonly pageSize: number;
  private readonly now: () => Date;

  constructor(
    private readonly partnerCenter: Pick<PartnerCenter, 'listCustomers'>,
    private readonly store: CustomerIndexStore,
    private readonly options: CustomerIndexOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_INDEX_PAGE_SIZE;
    this.now = options.now ?? (() => new Date());
  }

  status(): CustomerIndexStatus {
    const coverage = this.coverage();
    return {
      coverage,
      customers: (this.current ?? this.firstLoad)?.size ?? 0,
      ...(this.refreshedAt && { refreshedAt: this.refreshedAt }),
    };
  }

  /**
   * Ranked matches of a company name or domain, whole or in part, with typos, in any word order; only
   * customers in `scope` (the caller's customer access), when given.
   */
  search(query: string, scope?: CustomerScope): IndexSearchResult {
    const snapshot = this.current ?? this.firstLoad;
    const found = snapshot ? snapshot.search(query) : [];
    return { customers: found.filter((customer) => inScope(customer, scope)), coverage: this.coverage() };
  }

  findTenant(tenantId: string, scope?: CustomerScope): IndexedCustomer | undefined {
    const found = (this.current ?? this.firstLoad)?.findTenant(tenantId);
    return found && inScope(found, scope) ? found : undefined;
  }

  /** Serves the last persisted refresh, if the index has nothing better yet. True when it did. */
  async loadFromStore(): Promise<boolean> {
    if (this.current) return false;
    const stored = await this.store.load();
    if (!stored || this.current) return false;
    this.install(stored.customers, stored.refreshedAt);
    this.options.logger.info(
      { customers: stored.customers.length, refreshedAt: stored.refreshedAt.toISOString() },
      'customer index: loaded from the store',
    );
    return true;
  }

  /** When the index was last refreshed from Partner Center (undefined: never). */
  lastRefreshedAt(): Date | undefined {
    return this.refreshedAt;
  }

  /** Pages through every customer and swaps the new list in; concurrent calls share one refresh. */
  refresh(): Promise<void> {
    this.running ??= this.load().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private coverage(): IndexCoverage {
    if (this.current) return 'complete';
    return this.firstLoad && this.firstLoad.size > 0 ? 'partial' : 'none';
  }

  private install(customers: readonly IndexedCustomer[], refreshedAt: Date): void {
    const snapshot = new Snapshot();
    snapshot.add(customers);
    this.current = snapshot;
    this.firstLoad = undefined;
    this.refreshedAt = refreshedAt;
  }

  private async load(): Promise<void> {
    const started = this.now();
    const ctx = { correlationId: randomUUID() };
    // A cold index shows the pages as they arrive; a warm one keeps answering from the previous refresh.
    const building = new Snapshot();
    if (!this.current) this.firstLoad = building;
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await this.partnerCenter.listCustomers(ctx, { size: this.pageSize, continuationToken });
      building.add(page.items.map(indexEntryOf));
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken);

    const customers = building.customers();
    this.current = building;
    this.firstLoad = undefined;
    this.refreshedAt = started;
    await this.store.replace(customers, started);
    this.options.logger.info(
      {
        customers: customers.length,
        pages,
        correlationId: ctx.correlationId,
        ms: this.now().getTime() - started.getTime(),
      },
      'customer index: refreshed',
    );
  }
}
