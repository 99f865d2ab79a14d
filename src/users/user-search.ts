import type { CustomerUser } from '../api/models';

/**
 * The users list's search box and pages (pure). Partner Center filters users only by state, so the search runs
 * over the listed users: a case-insensitive prefix of the display name, of any word in it, of the first or last
 * name, or of the user principal name.
 */
export const MAX_SEARCH_LENGTH = 64;

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en-US');
}

export function matchesUserSearch(user: CustomerUser, search: string): boolean {
  const wanted = fold(search.trim());
  if (wanted === '') return true;
  const names = [user.displayName, user.firstName, user.lastName, user.userPrincipalName].filter(
    (name): name is string => typeof name === 'string',
  );
  const words = (user.displayName ?? '').split(/\s+/);
  return [...names, ...words].some((name) => fold(name).startsWith(wanted));
}

/** By display name (then UPN), the way a person scans a list. */
export function byDisplayName(a: CustomerUser, b: CustomerUser): number {
  const name = (user: CustomerUser) => user.displayName ?? user.userPrincipalName;
  return (
    name(a).localeCompare(name(b), 'en-US', { sensitivity: 'base' }) ||
    a.userPrincipalName.localeCompare(b.userPrincipalName, 'en-US', { sensitivity: 'base' })
  );
}

export interface ListPage<T> {
  items: T[];
  /** 0-based, clamped to the last page. */
  page: number;
  pageCount: number;
  total: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): ListPage<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.trunc(page)), pageCount - 1);
  return {
    items: items.slice(clamped * size, clamped * size + size),
    page: clamped,
    pageCount,
    total: items.length,
  };
}
