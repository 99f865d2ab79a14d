import { randomUUID } from 'node:crypto';
import { Batcher, isStoreUnavailable } from './batcher';
import type { SqlExecutor, SqlQueryable } from './sql-executor';
import { StateConflictError, type StateItem, type StateRepository, type StateWrite } from './store';

/** True when the write must match the stored etag (anything but absent or '*'). */
export function isConditional(write: StateWrite): write is StateWrite & { etag: string } {
  return write.etag !== undefined && write.etag !== '*';
}

/** Writes in key order, so two transactions touching the same keys lock them in the same order (no deadlock). */
export function inKeyOrder(writes: readonly StateWrite[]): StateWrite[] {
  return [...writes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function writeOne(tx: SqlQueryable, write: StateWrite): Promise<void> {
  // The value goes in as JSON text: both drivers would otherwise pick their own encoding for arrays and strings.
  const json = JSON.stringify(write.value ?? null);
  const etag = randomUUID();
  if (!isConditional(write)) {
    await tx.query(
      `INSERT INTO bot_state (key, value, etag, updated_at) VALUES ($1, $2::text::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
      [write.key, json, etag],
    );
    return;
  }
  // Row lock + re-check: of two writers holding the same etag, the second sees the new etag and changes nothing.
  // A key that does not exist has no etag to match, so a conditional write to it is a conflict too.
  const { rowCount } = await tx.query(
    'UPDATE bot_state SET value = $2::text::jsonb, etag = $3, updated_at = now() WHERE key = $1 AND etag = $4',
    [write.key, json, etag, write.etag],
  );
  if (rowCount === 0) throw new StateConflictError(write.key);
}

/** Reads one statement carries at most (each names a key or two: conversation and user state). */
export const maxReadBatch = 100;

/**
 * Reads the keys of several requests with one SELECT, each request getting the items of its own keys. A value
 * handed to more than one request is copied for each after the first: botbuilder changes the state it loaded.
 */
async function readBatch(db: SqlQueryable, requests: readonly string[][]): Promise<Map<string, StateItem>[]> {
  const keys = [...new Set(requests.flat())];
  const { rows } = await db.query<{ key: string; value: unknown; etag: string }>(
    'SELECT key, value, etag FROM bot_state WHERE key = ANY($1::text[])',
    [keys],
  );
  const stored = new Map(rows.map((row) => [row.key, { value: row.value, etag: row.etag }]));
  const handedOut = new Set<string>();
  return requests.map((request) => {
    const items = new Map<string, StateItem>();
    for (const key of request) {
      const item = stored.get(key);
      if (!item) continue;
      items.set(key, handedOut.has(key) ? structuredClone(item) : item);
      handedOut.add(key);
    }
    return items;
  });
}

/**
 * Key-value state in the `bot_state` table. Reads made in the same turn of the event loop (every conversation's
 * turn starts with one) go together in one SELECT (batcher.ts); a read still sees every write committed before
 * it was made.
 */
export function createStateRepository(db: SqlExecutor): StateRepository & { idle(): Promise<void> } {
  const reads = new Batcher<string[], Map<string, StateItem>>({
    run: (requests) => readBatch(db, requests),
    maxBatch: maxReadBatch,
    retryAlone: (error) => !isStoreUnavailable(error),
  });
  return {
    async read(keys: string[]): Promise<Map<string, StateItem>> {
      if (keys.length === 0) return new Map();
      return reads.submit([...keys]);
    },

    /** Resolves when every read made so far has run; the store waits for it before closing. */
    idle: () => reads.idle(),

    async write(writes: StateWrite[]): Promise<void> {
      if (writes.length === 0) return;
      await db.transaction(async (tx) => {
        for (const write of inKeyOrder(writes)) await writeOne(tx, write);
      });
    },

    async delete(keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      await db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
    },
  };
}
