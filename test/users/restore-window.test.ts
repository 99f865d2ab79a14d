import { newestDeletionFirst, restoreWindow } from '../../src/users/restore-window';

const now = new Date('2026-03-31T12:00:00Z');

describe('the 30-day restore window', () => {
  it('counts whole days left, rounding up', () => {
    expect(restoreWindow({ softDeletionTime: '2026-03-29T12:00:00Z' }, now)).toEqual({
      deletedAt: new Date('2026-03-29T12:00:00Z'),
      purgeAt: new Date('2026-04-28T12:00:00Z'),
      daysLeft: 28,
      restorable: true,
    });
    expect(restoreWindow({ softDeletionTime: '2026-03-01T15:00:00Z' }, now)).toMatchObject({
      daysLeft: 1,
      restorable: true,
    });
  });

  it('closes exactly 30 days after the deletion', () => {
    expect(restoreWindow({ softDeletionTime: '2026-03-01T12:00:00Z' }, now)).toMatchObject({
      daysLeft: 0,
      restorable: false,
    });
    expect(restoreWindow({ softDeletionTime: '2026-01-20T00:33:34Z' }, now)).toMatchObject({
      daysLeft: 0,
      restorable: false,
    });
  });

  it('treats a missing or unreadable deletion time as restorable, with no deadline', () => {
    expect(restoreWindow({ softDeletionTime: null }, now)).toEqual({ restorable: true });
    expect(restoreWindow({ softDeletionTime: 'yesterday' }, now)).toEqual({ restorable: true });
  });

  it('orders deleted users newest deletion first, unknown times last', () => {
    const users = [
      { id: 'old', softDeletionTime: '2026-03-02T00:00:00Z' },
      { id: 'unknown', softDeletionTime: undefined },
      { id: 'new', softDeletionTime: '2026-03-30T00:00:00Z' },
    ];
    expect(newestDeletionFirst(users).map((user) => user.id)).toEqual(['new', 'old', 'unknown']);
  });
});
