/** Counts API calls per route key, so tests and benchmarks can see how often a client called. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(routeKey: string): void {
    this.counts.set(routeKey, (this.counts.get(routeKey) ?? 0) + 1);
  }

  /** Calls of one route, or of all routes when `routeKey` is absent. */
  count(routeKey?: string): number {
    if (routeKey !== undefined) return this.counts.get(routeKey) ?? 0;
    let total = 0;
    for (const value of this.counts.values()) total += value;
    return total;
  }

  byRoute(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
