import type { Customer, CustomerUser } from '../api/models';
import type { Strings } from '../i18n/strings';
import type { ListPage } from '../users/user-search';
import { clip, maxRowTextLength } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/user-list.json';

/** Rows per page: two buttons a row, long names in any script, and the card stays under the Teams limit. */
export const maxUserListRows = 10;

export interface UserListCardData {
  customer: Customer;
  /** One page of the (searched, sorted) users. */
  page: ListPage<CustomerUser>;
  /** The search box's text ('' for none). */
  search: string;
  /** Set when the customer has more users than were read: the list covers only this many. */
  truncatedAt?: number;
}

interface UserListView {
  title: string;
  shown: string;
  truncated?: string;
  customerId: string;
  search: { label: string; placeholder: string; value: string; button: string; page: string };
  users: { displayName: string; userPrincipalName: string; usageLocation: string; userId: string }[];
  buttons: { reset: string; details: string; deletedUsers: string };
  previous?: { title: string; page: string };
  next?: { title: string; page: string };
}

const template = defineTemplate<UserListView>('userList', json);

function shownText(data: UserListCardData, text: Strings): string {
  const { page, search } = data;
  if (page.total === 0) return search ? text.t('users.noneMatching', { search }) : text.t('users.none');
  const range = {
    first: page.page * maxUserListRows + 1,
    last: page.page * maxUserListRows + page.items.length,
    total: page.total,
  };
  return search ? text.t('users.shownSearch', { ...range, search }) : text.t('users.shown', range);
}

export function userListCard(data: UserListCardData, text: Strings): AdaptiveCard {
  if (data.page.items.length > maxUserListRows) {
    throw new RangeError(`A user list card holds at most ${maxUserListRows} rows`);
  }
  const { page } = data;
  return renderCard(template, {
    title: text.t('users.title', { companyName: data.customer.companyProfile.companyName }),
    shown: shownText(data, text),
    truncated:
      data.truncatedAt === undefined ? undefined : text.t('users.truncated', { count: data.truncatedAt }),
    customerId: data.customer.id,
    search: {
      label: text.t('users.search.label'),
      placeholder: text.t('users.search.placeholder'),
      value: data.search,
      button: text.t('users.search.button'),
      page: '0',
    },
    users: page.items.map((user) => ({
      displayName: clip(user.displayName ?? user.userPrincipalName, maxRowTextLength),
      userPrincipalName: clip(user.userPrincipalName, maxRowTextLength),
      usageLocation: user.usageLocation
        ? text.t('users.usageLocation', { country: clip(user.usageLocation, 10) })
        : text.t('users.noUsageLocation'),
      userId: user.id,
    })),
    buttons: {
      reset: text.t('users.action.reset'),
      details: text.t('users.action.details'),
      deletedUsers: text.t('users.action.deletedUsers'),
    },
    previous: page.page > 0 ? { title: text.t('users.previous'), page: String(page.page - 1) } : undefined,
    next:
      page.page < page.pageCount - 1
        ? { title: text.t('users.next'), page: String(page.page + 1) }
        : undefined,
  });
}
