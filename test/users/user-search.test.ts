import type { CustomerUser } from '../../src/api/models';
import { byDisplayName, matchesUserSearch, pageOf } from '../../src/users/user-search';

const lidia: CustomerUser = {
  id: '415f9de8-e816-4c30-be9c-36e70d5cf0cf',
  userPrincipalName: 'lidia.holloway@dakotamall.onmicrosoft.com',
  firstName: 'Lidia',
  lastName: 'Holloway',
  displayName: 'Lidia Holloway',
};
const tokyo: CustomerUser = {
  id: '2',
  userPrincipalName: 'admin@tokyocoffee.onmicrosoft.com',
  displayName: '東京 管理者',
};

describe('the users search box', () => {
  it.each(['lid', 'LIDIA', 'holl', 'Lidia Ho', 'lidia.holloway@', ' lid '])('finds Lidia by %j', (search) => {
    expect(matchesUserSearch(lidia, search)).toBe(true);
  });

  it.each(['idia', 'dakotamall', 'x'])('does not find Lidia by %j (prefixes only)', (search) => {
    expect(matchesUserSearch(lidia, search)).toBe(false);
  });

  it('matches everyone on an empty search, and CJK names by prefix', () => {
    expect(matchesUserSearch(lidia, '')).toBe(true);
    expect(matchesUserSearch(tokyo, '管理')).toBe(true);
    expect(matchesUserSearch(tokyo, '東京')).toBe(true);
  });
});

describe('users list order and pages', () => {
  it('sorts by display name, case-insensitively', () => {
    const names = ['bob', 'Alice', 'carol'].map(
      (displayName, index): CustomerUser => ({
        id: String(index),
        userPrincipalName: `${displayName}@x.com`,
        displayName,
      }),
    );
    expect([...names].sort(byDisplayName).map((user) => user.displayName)).toEqual(['Alice', 'bob', 'carol']);
  });

  it('cuts pages and clamps a page number past the end', () => {
    const items = Array.from({ length: 23 }, (_, index) => index);
    expect(pageOf(items, 0, 10)).toEqual({ items: items.slice(0, 10), page: 0, pageCount: 3, total: 23 });
    expect(pageOf(items, 2, 10).items).toEqual([20, 21, 22]);
    expect(pageOf(items, 9, 10).page).toBe(2);
    expect(pageOf(items, -1, 10).page).toBe(0);
    expect(pageOf([], 0, 10)).toEqual({ items: [], page: 0, pageCount: 1, total: 0 });
  });
});
