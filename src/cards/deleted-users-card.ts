import type { Customer, CustomerUser } from '../api/models';
import type { Strings } from '../i18n/strings';
import type { RestoreWindow } from '../users/restore-window';
import type { ListPage } from '../users/user-search';
import { maxRefreshUserIds } from './approval-card';
import { clip, maxRowTextLength } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/deleted-users.json';

export const maxDeletedUserRows = 10;

export interface DeletedUserRow {
  user: CustomerUser;
  window: RestoreWindow;
}

export interface DeletedUsersCardData {
  customer: Customer;
  /** One page of the deleted users, newest deletion first. */
  page: ListPage<DeletedUserRow>;
  /** After a restore from this card: who restored whom, and when (shown on top, for everyone). */
  restored?: { displayName: string; userPrincipalName: string; agent: string; at: Date };
  /**
   * Teams user ids whose view refreshes itself when shown (Teams wants them named in group chats and channels,
   * at most 60; an empty list means refresh by hand there); personal chats refresh anyway.
   */
  refreshUserIds: readonly string[];
}

interface DeletedUsersView {
  refresh: string;
  refreshUserIds: string[];
  /** None, or the one line about a restore just made from this card. */
  banners: { text: string; at: string }[];
  title: string;
  shown: string;
  customerId: string;
  page: string;
  deletedLabel: string;
  restore: string;
  users: {
    displayName: string;
    userPrincipalName: string;
    at?: string;
    window: string;
    windowColor: 'Default' | 'Warning' | 'Attention';
    restorable: boolean;
    userId: string;
  }[];
  previous?: { title: string; page: string };
  next?: { title: string; page: string };
}

const template = defineTemplate<DeletedUsersView>('deletedUsers', json);

function windowText(
  window: RestoreWindow,
  text: Strings,
): Pick<DeletedUsersView['users'][number], 'window' | 'windowColor'> {
  if (!window.restorable) return { window: text.t('deletedUsers.purged'), windowColor: 'Attention' };
  if (window.daysLeft === undefined)
    return { window: text.t('deletedUsers.unknownWindow'), windowColor: 'Default' };
  if (window.daysLeft <= 1) return { window: text.t('deletedUsers.oneDayLeft'), windowColor: 'Warning' };
  return {
    window: text.t('deletedUsers.daysLeft', { days: window.daysLeft }),
    windowColor: window.daysLeft <= 3 ? 'Warning' : 'Default',
  };
}

/** Deleted users with the time of deletion and what is left of the 30-day window; refreshes itself when shown. */
export function deletedUsersCard(data: DeletedUsersCardData, text: Strings): AdaptiveCard {
  const { page, customer } = data;
  if (page.items.length > maxDeletedUserRows) {
    throw new RangeError(`A deleted users card holds at most ${maxDeletedUserRows} rows`);
  }
  const companyName = customer.companyProfile.companyName;
  const first = page.page * maxDeletedUserRows + 1;
  return renderCard(template, {
    refresh: text.t('deletedUsers.refresh'),
    refreshUserIds: [...new Set(data.refreshUserIds)].slice(0, maxRefreshUserIds),
    banners: data.restored
      ? [
          {
            text: text.t('deletedUsers.restored', {
              displayName: data.restored.displayName,
              userPrincipalName: data.restored.userPrincipalName,
              agent: data.restored.agent,
            }),
            at: text.dateTime(data.restored.at),
          },
        ]
      : [],
    title: text.t('deletedUsers.title', { companyName }),
    shown:
      page.total === 0
        ? text.t('deletedUsers.none', { companyName })
        : text.t('deletedUsers.shown', { total: page.total, first, last: first + page.items.length - 1 }),
    customerId: customer.id,
    page: String(page.page),
    deletedLabel: text.t('deletedUsers.deleted'),
    restore: text.t('deletedUsers.restore'),
    users: page.items.map(({ user, window }) => ({
      displayName: clip(user.displayName ?? user.userPrincipalName, maxRowTextLength),
      userPrincipalName: clip(user.userPrincipalName, maxRowTextLength),
      at: window.deletedAt && text.dateTime(window.deletedAt),
      ...windowText(window, text),
      restorable: window.restorable,
      userId: user.id,
    })),
    previous: page.page > 0 ? { title: text.t('users.previous'), page: String(page.page - 1) } : undefined,
    next:
      page.page < page.pageCount - 1
        ? { title: text.t('users.next'), page: String(page.page + 1) }
        : undefined,
  });
}
