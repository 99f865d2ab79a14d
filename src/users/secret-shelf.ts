import { randomUUID } from 'node:crypto';

/**
 * Keeps something secret (a card with a temporary password) in this process's memory for a short time, for
 * one owner to take once. Never written to the store or a log: a restart, another instance or the time
 * running out loses it, and the owner is told to start again.
 */
export class SecretShelf<Secret> {
  private readonly items = new Map<string, { ownerId: string; secret: Secret; expiresAt: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shelves the secret for its owner; returns the opaque token that takes it back. */
  put(ownerId: string, secret: Secret): string {
    this.dropExpired();
    const token = randomUUID();
    this.items.set(token, { ownerId, secret, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  /** The secret, once, for its owner within the time; undefined otherwise (and it stays for its owner). */
  take(token: string, ownerId: string): Secret | undefined {
    this.dropExpired();
    const item = this.items.get(token);
    if (!item || item.ownerId !== ownerId) return undefined;
    this.items.delete(token);
    return item.secret;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, item] of this.items) if (item.expiresAt <= now) this.items.delete(token);
  }
}
