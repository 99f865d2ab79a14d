import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { StateConflictError, type StateRepository } from '../store/store';

/**
 * Thrown on an eTag mismatch. The message is the one botbuilder's own MemoryStorage uses, so code
 * written against botbuilder storages recognises it; `cause` holds the StateConflictError.
 */
export class BotStateConflictError extends Error {
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`Storage: error writing "${key}" due to eTag conflict.`, options);
    this.name = 'BotStateConflictError';
  }
}

/**
 * botbuilder `Storage` (conversation and user state) over the store's StateRepository.
 * The item's `eTag` travels beside the value, not inside it: '*' or absent writes unconditionally,
 * any other eTag must match the stored one.
 */
export class BotStateStorage implements Storage {
  constructor(private readonly state: StateRepository) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.state.read(keys);
    const result: StoreItems = {};
    for (const [key, item] of items) result[key] = { ...(item.value as StoreItem), eTag: item.etag };
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = Object.entries(changes).map(([key, item]: [string, StoreItem]) => {
      const { eTag, ...value } = item;
      return { key, value, ...(eTag !== undefined && { etag: eTag }) };
    });
    try {
      await this.state.write(writes);
    } catch (error) {
      if (error instanceof StateConflictError) throw new BotStateConflictError(error.key, { cause: error });
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.state.delete(keys);
  }
}
