/**
 * Counts API calls per route key, and per subject of the token each call carried (the `oid` of an App+User
 * token, the app id of an App-only token, '(none)' without a token), so tests and benchmarks can see how
 * often a client called, and as whom.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly subjects = new Map<string, Map<string, number>>();

  record(routeKey: string, subject = '(none)'): void {
    this.counts.set(routeKey, (this.counts.get(routeKey) ?? 0) + 1);
    let routes = this.subjects.get(subject);
    if (!routes) {
      routes = new Map();
      this.subjects.set(subject, routes);
    }
    routes.set(routeKey, (routes.get(routeKey) ?? 0) + 1);
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

  /** Calls per token subject, then per route key. */
  bySubject(): Record<string, Record<string, number>> {
    return Object.fromEntries(
      [...this.subjects].map(([subject, routes]) => [subject, Object.fromEntries(routes)]),
    );
  }

  reset(): void {
    this.counts.clear();
    this.subjects.clear();
  }
}
