import { addMs, DAY_MS } from '../clock';
import type { UserRecord } from '../data/records';

/**
 * Customer user states (reference §3.5): active → (DELETE) inactive, restorable for 30 days from
 * softDeletionTime → purged (gone for good).
 */
const RESTORE_WINDOW_DAYS = 30;

function restoreDeadline(user: UserRecord): Date | undefined {
  return user.softDeletionTime && addMs(user.softDeletionTime, RESTORE_WINDOW_DAYS * DAY_MS);
}

/** Removes the inactive users whose restore window has closed. */
export function purgeExpired(users: Map<string, UserRecord>, now: Date): void {
  for (const [key, user] of users) {
    const deadline = restoreDeadline(user);
    if (user.state === 'inactive' && deadline && deadline.getTime() <= now.getTime()) users.delete(key);
  }
}

export function softDelete(user: UserRecord, now: Date): void {
  user.state = 'inactive';
  user.softDeletionTime = now;
}

export function restore(user: UserRecord): void {
  user.state = 'active';
  user.softDeletionTime = undefined;
}
