import type { CustomerUser } from '../../src/api/models';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { maxUserListRows, userListCard } from '../../src/cards/user-list-card';
import { strings } from '../../src/i18n/strings';
import { pageOf } from '../../src/users/user-search';
import { allNodes, executeActions, textRuns } from './card-tree';
import { sampleCustomer } from './sample-cards';

const text = strings('en-US');
const dakota = sampleCustomer('Dakota mall', 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f');
const user = (index: number): CustomerUser => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  userPrincipalName: `user${index}@dakotamall.onmicrosoft.com`,
  displayName: `User ${index}`,
  usageLocation: index % 2 ? 'US' : undefined,
});
const users = Array.from({ length: 23 }, (_, index) => user(index));

describe('users list card', () => {
  it('shows name, user name and usage location per row, with Reset password and Details for that user', () => {
    const card = userListCard(
      { customer: dakota, page: pageOf(users, 0, maxUserListRows), search: '' },
      text,
    );
    const runs = textRuns(card);
    expect(runs.slice(0, 2)).toEqual(['Users of Dakota mall', 'Showing 1–10 of 23.']);
    expect(runs).toEqual(
      expect.arrayContaining(['User 1', 'user1@dakotamall.onmicrosoft.com', 'Usage location US']),
    );
    expect(runs).toContain('No usage location');
    const rowButtons = executeActions(card).filter((action) => action.verb !== 'users.page');
    expect(rowButtons.slice(0, 2)).toEqual([
      expect.objectContaining({
        title: 'Reset password',
        verb: 'user.resetPassword',
        data: { customerId: dakota.id, userId: user(0).id },
      }),
      expect.objectContaining({
        title: 'Details',
        verb: 'user.details',
        data: { customerId: dakota.id, userId: user(0).id },
      }),
    ]);
  });

  it('has a search box that keeps its text, and pages forward and back', () => {
    const card = userListCard(
      { customer: dakota, page: pageOf(users, 1, maxUserListRows), search: 'us' },
      text,
    );
    const box = allNodes(card).find((node) => node.type === 'Input.Text');
    expect(box).toMatchObject({ id: 'search', value: 'us', label: 'Find a user' });
    expect(textRuns(card)[1]).toBe('Showing 11–20 of 23 matching “us”.');
    const paging = executeActions(card).filter((action) => action.verb === 'users.page');
    expect(executeActions(card).find((action) => action.verb === 'customer.deletedUsers')?.data).toEqual({
      customerId: dakota.id,
    });
    expect(paging.map(({ title, data }) => [title, data.page])).toEqual([
      ['Search', '0'],
      ['Previous', '0'],
      ['Next', '2'],
    ]);
  });

  it('says when nothing matches, and when a large tenant was read only in part', () => {
    const card = userListCard(
      { customer: dakota, page: pageOf([], 0, 10), search: 'zz', truncatedAt: 2500 },
      text,
    );
    expect(textRuns(card)).toEqual(
      expect.arrayContaining([
        "No user's name or user name starts with “zz”.",
        'The customer has more than 2,500 users: only the first 2,500 are listed and searched.',
      ]),
    );
    expect(executeActions(card).map((action) => action.title)).toEqual(['Search', 'Deleted users']);
  });

  it(`holds at most ${maxUserListRows} rows and fits Teams with long names`, () => {
    const long = '😀'.repeat(1000);
    const page = pageOf(
      users
        .slice(0, maxUserListRows)
        .map((item) => ({ ...item, displayName: long, userPrincipalName: long })),
      0,
      maxUserListRows,
    );
    expect(cardByteLength(userListCard({ customer: dakota, page, search: long }, text))).toBeLessThanOrEqual(
      maxCardBytes,
    );
    const tooMany = { ...page, items: users.slice(0, maxUserListRows + 1) };
    expect(() => userListCard({ customer: dakota, page: tooMany, search: '' }, text)).toThrow(RangeError);
  });
});
