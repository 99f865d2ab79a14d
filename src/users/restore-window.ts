import type { CustomerUser } from '../api/models';

/**
 * The 30-day restore window of a deleted user (pure): Partner Center keeps a deleted user restorable for 30 days
 * from its softDeletionTime, then purges it (reference B3, B8).
 */
export const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RestoreWindow {
  deletedAt?: Date;
  /** When the user is purged; unknown without a deletion time. */
  purgeAt?: Date;
  /** Whole days left, rounded up (a user purged in 3 hours has 1 day left); 0 once the window has closed. */
  daysLeft?: number;
  restorable: boolean;
}

export function restoreWindow(user: Pick<CustomerUser, 'softDeletionTime'>, now: Date): RestoreWindow {
  const deletedAt = user.softDeletionTime ? new Date(user.softDeletionTime) : undefined;
  if (!deletedAt || Number.isNaN(deletedAt.getTime())) return { restorable: true };
  const purgeAt = new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * DAY_MS);
  const remainingMs = purgeAt.getTime() - now.getTime();
  return {
    deletedAt,
    purgeAt,
    daysLeft: Math.max(0, Math.ceil(remainingMs / DAY_MS)),
    restorable: remainingMs > 0,
  };
}

/** Newest deletion first; users without a deletion time last. */
export function newestDeletionFirst<T extends Pick<CustomerUser, 'softDeletionTime'>>(
  users: readonly T[],
): T[] {
  const time = (user: T) => {
    const ms = user.softDeletionTime ? Date.parse(user.softDeletionTime) : Number.NaN;
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return [...users].sort((a, b) => time(b) - time(a));
}
