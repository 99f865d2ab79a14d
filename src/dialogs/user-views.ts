import type { Customer } from '../api/models';
import type { CallContext } from '../api/partner-center';
import {
  type AdaptiveCard,
  deletedUsersCard,
  maxDeletedUserRows,
  maxUserListRows,
  messageCard,
  resetConfirmationCard,
  resetResultCard,
  restoreConfirmationCard,
  userListCard,
} from '../cards';
import type { Strings } from '../i18n/strings';
import { newestDeletionFirst, restoreWindow } from '../users/restore-window';
import { listAllUsers, MAX_LISTED_USERS } from '../users/user-directory';
import type {
  ConfirmationProblem,
  ResetPreparation,
  ResetResult,
  RestorePreparation,
  TargetNames,
} from '../users/user-operations';
import { byDisplayName, MAX_SEARCH_LENGTH, matchesUserSearch, pageOf } from '../users/user-search';
import type { UserServices } from './user-services';

/**
 * The cards of the users feature, built from Partner Center reads and from the domain's answers. Shared by the
 * dialogs (commands) and the card actions, so that a list looks the same however it was reached.
 */

/** A page of a customer's active users, searched by the prefix typed in the card's search box. */
export async function usersListView(
  services: UserServices,
  ctx: CallContext,
  customer: Customer,
  page: number,
  search: string,
  text: Strings,
): Promise<AdaptiveCard> {
  const wanted = search.trim().slice(0, MAX_SEARCH_LENGTH);
  const { users, truncated } = await listAllUsers(services.partnerCenter, ctx, customer.id, 'active');
  const matching = users.filter((user) => matchesUserSearch(user, wanted)).sort(byDisplayName);
  return userListCard(
    {
      customer,
      page: pageOf(matching, page, maxUserListRows),
      search: wanted,
      truncatedAt: truncated ? MAX_LISTED_USERS : undefined,
    },
    text,
  );
}

/** A page of a customer's deleted users, newest deletion first, with what is left of each restore window. */
export async function deletedUsersView(
  services: UserServices,
  ctx: CallContext,
  customer: Customer,
  page: number,
  text: Strings,
  options: {
    /** After a restore from the card: who restored whom, and when. */
    restored?: { target: TargetNames; agent: string; at: Date };
    /** Whose view refreshes itself in a group chat or channel: the person it is shown to. */
    refreshUserIds?: readonly string[];
  } = {},
): Promise<AdaptiveCard> {
  const { restored } = options;
  const { users } = await listAllUsers(services.partnerCenter, ctx, customer.id, 'deleted');
  const now = services.now();
  const rows = newestDeletionFirst(users).map((user) => ({ user, window: restoreWindow(user, now) }));
  return deletedUsersCard(
    {
      customer,
      page: pageOf(rows, page, maxDeletedUserRows),
      restored: restored && {
        displayName: restored.target.displayName,
        userPrincipalName: restored.target.userPrincipalName,
        agent: restored.agent,
        at: restored.at,
      },
      refreshUserIds: options.refreshUserIds ?? [],
    },
    text,
  );
}

export function resetPreparationCard(
  prepared: Exclude<ResetPreparation, { kind: 'notFound' }>,
  text: Strings,
): AdaptiveCard {
  if (prepared.kind === 'confirm') {
    return resetConfirmationCard({ target: prepared.target, operationId: prepared.operationId }, text);
  }
  return refusalCard(
    prepared.target,
    prepared.roles.map((role) => role.name),
    text,
  );
}

function refusalCard(target: TargetNames, roles: readonly string[], text: Strings, changed = false) {
  return messageCard({
    style: 'warning',
    title: text.t('reset.refused.title', { displayName: target.displayName }),
    text: text.t('reset.refused.text', {
      userPrincipalName: target.userPrincipalName,
      roles: roles.join(text.t('list.separator')),
    }),
    details: changed ? [text.t('reset.refused.changed')] : [],
  });
}

export function operationProblemCard(problem: ConfirmationProblem, text: Strings): AdaptiveCard {
  switch (problem.kind) {
    case 'unknown':
      return messageCard({
        style: 'warning',
        title: text.t('operation.unknown.title'),
        text: text.t('operation.unknown.text'),
      });
    case 'expired':
      return messageCard({
        style: 'info',
        title: text.t('operation.expired.title'),
        text: text.t('operation.expired.text', { userPrincipalName: problem.target.userPrincipalName }),
      });
    case 'alreadyDone': {
      const { done } = problem;
      const params = {
        agent: done.by,
        userPrincipalName: done.target.userPrincipalName,
        time: done.at ? text.dateTime(done.at) : '?',
      };
      const status = done.status === 'pending' ? 'claimed' : done.status;
      return messageCard({
        style: 'info',
        title: text.t('operation.done.title'),
        text: text.t(`operation.done.${status}`, params),
        details: [text.t('operation.done.hint')],
      });
    }
  }
}

/**
 * The answers to a confirmed reset: `mine` goes only to the agent who confirmed (the invoke response), `shared`
 * replaces the confirmation card for everyone. Only `mine` of a successful reset holds the password.
 */
export function resetResultCards(
  result: ResetResult,
  text: Strings,
): { mine: AdaptiveCard; shared?: AdaptiveCard } {
  switch (result.kind) {
    case 'reset': {
      const facts = {
        target: result.target,
        agent: result.by,
        at: result.at,
        forceChange: result.forceChange,
      };
      return {
        mine: resetResultCard({ ...facts, password: result.password }, text),
        shared: resetResultCard(facts, text),
      };
    }
    case 'refused': {
      const card = refusalCard(
        result.target,
        result.roles.map((role) => role.name),
        text,
        true,
      );
      return { mine: card, shared: card };
    }
    case 'userGone': {
      const card = messageCard({
        style: 'warning',
        title: text.t('reset.userGone.title', { displayName: result.target.displayName }),
        text: text.t('reset.userGone.text', { userPrincipalName: result.target.userPrincipalName }),
      });
      return { mine: card, shared: card };
    }
    default:
      return { mine: operationProblemCard(result, text) };
  }
}

/** The answer to preparing a restore, other than a confirmation. */
export function restoreAnswerCard(
  prepared: Exclude<RestorePreparation, { kind: 'confirm' }>,
  text: Strings,
): AdaptiveCard {
  switch (prepared.kind) {
    case 'alreadyActive':
      return messageCard({
        style: 'info',
        title: text.t('restore.alreadyActive.title', { displayName: prepared.target.displayName }),
        text: text.t('restore.alreadyActive.text', {
          userPrincipalName: prepared.target.userPrincipalName,
          companyName: prepared.target.companyName,
        }),
      });
    case 'purged':
      return purgedCard(prepared.target, text);
    case 'conflict':
      return conflictCard(
        prepared.target,
        `${prepared.holder.displayName ?? prepared.holder.userPrincipalName} (${prepared.holder.id})`,
        text,
      );
    case 'notFound':
      return messageCard({
        style: 'warning',
        title: text.t('restore.notFound.title'),
        text: text.t('restore.notFound.text', { companyName: prepared.customer.companyProfile.companyName }),
      });
    case 'customerNotFound':
      return messageCard({ style: 'warning', title: text.t('restore.customerNotFound') });
  }
}

export function purgedCard(target: TargetNames, text: Strings): AdaptiveCard {
  return messageCard({
    style: 'warning',
    title: text.t('restore.purged.title', { displayName: target.displayName }),
    text: text.t('restore.purged.text', { userPrincipalName: target.userPrincipalName }),
  });
}

/** `holder`: the newer user who has the name, when known (found before confirming; not from Partner Center's 409). */
export function conflictCard(target: TargetNames, holder: string | undefined, text: Strings): AdaptiveCard {
  const userPrincipalName = target.userPrincipalName;
  return messageCard({
    style: 'warning',
    title: text.t('restore.conflict.title', { displayName: target.displayName }),
    text:
      holder === undefined
        ? text.t('restore.conflict.textUnnamed', { userPrincipalName })
        : text.t('restore.conflict.text', { holder, userPrincipalName }),
  });
}

export function restoreConfirmation(
  prepared: Extract<RestorePreparation, { kind: 'confirm' }>,
  backToList: boolean,
  text: Strings,
): AdaptiveCard {
  return restoreConfirmationCard(
    { target: prepared.target, window: prepared.window, operationId: prepared.operationId, backToList },
    text,
  );
}
