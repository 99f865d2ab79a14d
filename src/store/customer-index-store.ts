import type { SqlExecutor } from './sql-executor';

/**
 * The persisted customer index (tables `customer_index` and `customer_index_refresh`): the customers of the
 * last complete refresh and when it ended. A refresh replaces the whole list in one transaction, so readers
 * see the previous list or the new one, never a mix; concurrent refreshes (two instances) take turns.
 */

/** One customer as the index knows it: what an agent searches by, and what a summary card shows. */
export interface CustomerIndexEntry {
  id: string;
  tenantId: string;
  companyName: string;
  domain: string;
  relationshipToPartner?: string;
}

export interface StoredCustomerIndex {
  customers: CustomerIndexEntry[];
  refreshedAt: Date;
}

export interface CustomerIndexStore {
  /** The last complete refresh, or undefined when there was none yet. */
  load(): Promise<StoredCustomerIndex | undefined>;
  replace(customers: readonly CustomerIndexEntry[], refreshedAt: Date): Promise<void>;
}

interface CustomerRow {
  customer_id: string;
  tenant_id: string;
  company_name: string;
  domain: string;
  relationship: string | null;
}

/** Rows per INSERT: one statement per chunk keeps parameters small on both engines. */
const INSERT_CHUNK = 1000;

function toEntry(row: CustomerRow): CustomerIndexEntry {
  return {
    id: row.customer_id,
    tenantId: row.tenant_id,
    companyName: row.company_name,
    domain: row.domain,
    ...(row.relationship !== null && { relationshipToPartner: row.relationship }),
  };
}

export function createCustomerIndexStore(db: SqlExecutor): CustomerIndexStore {
  return {
    async load() {
      const refresh = await db.query<{ refreshed_at: Date }>(
        'SELECT refreshed_at FROM customer_index_refresh WHERE singleton',
      );
      const refreshedAt = refresh.rows[0]?.refreshed_at;
      if (!refreshedAt) return undefined;
      const { rows } = await db.query<CustomerRow>(
        'SELECT customer_id, tenant_id, company_name, domain, relationship FROM customer_index',
      );
      return { customers: rows.map(toEntry), refreshedAt };
    },

    async replace(customers, refreshedAt) {
      await db.transaction(async (tx) => {
        // Writers queue here; readers (plain SELECTs) are not blocked.
        await tx.query('LOCK TABLE customer_index IN EXCLUSIVE MODE');
        await tx.query('DELETE FROM customer_index');
        for (let start = 0; start < customers.length; start += INSERT_CHUNK) {
          const chunk = customers.slice(start, start + INSERT_CHUNK);
          await tx.query(
            `INSERT INTO customer_index (customer_id, tenant_id, company_name, domain, relationship)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             ON CONFLICT (customer_id) DO NOTHING`,
            [
              chunk.map((customer) => customer.id),
              chunk.map((customer) => customer.tenantId),
              chunk.map((customer) => customer.companyName),
              chunk.map((customer) => customer.domain),
              chunk.map((customer) => customer.relationshipToPartner ?? null),
            ],
          );
        }
        await tx.query(
          `INSERT INTO customer_index_refresh (singleton, refreshed_at, customer_count) VALUES (true, $1, $2)
           ON CONFLICT (singleton) DO UPDATE SET refreshed_at = excluded.refreshed_at,
             customer_count = excluded.customer_count`,
          [refreshedAt, customers.length],
        );
      });
    },
  };
}
