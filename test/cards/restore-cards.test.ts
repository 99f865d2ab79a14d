import { deletedUsersCard } from '../../src/cards/deleted-users-card';
import { restoreConfirmationCard } from '../../src/cards/restore-confirmation-card';
import { restoreResultCard } from '../../src/cards/restore-result-card';
import { strings } from '../../src/i18n/strings';
import { pageOf } from '../../src/users/user-search';
import { executeActions, nodesOfType, textRuns } from './card-tree';
import { sampleCustomer } from './sample-cards';

const text = strings('en-US');
const dakota = sampleCustomer('Dakota mall', 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f');
const pradeep = {
  id: '3a1aa550-150f-463e-82da-ae36446270e2',
  userPrincipalName: 'pradeep.gupta@dakotamall.onmicrosoft.com',
  displayName: 'Pradeep Gupta',
};
const isaiah = {
  id: '61d9dbc1-fd68-436a-ae6b-2ca3c2068ff1',
  userPrincipalName: 'isaiah.langer@dakotamall.onmicrosoft.com',
  displayName: 'Isaiah Langer',
};
const deletedAt = new Date('2026-03-01T10:00:00Z');
const target = {
  customerId: dakota.id,
  companyName: 'Dakota mall',
  userId: pradeep.id,
  displayName: 'Pradeep Gupta',
  userPrincipalName: pradeep.userPrincipalName,
};

describe('deleted users card', () => {
  const rows = [
    { user: pradeep, window: { restorable: true, daysLeft: 28, deletedAt } },
    { user: isaiah, window: { restorable: true, daysLeft: 1, deletedAt } },
    { user: { ...isaiah, id: 'gone' }, window: { restorable: false, daysLeft: 0, deletedAt } },
  ];
  const card = deletedUsersCard(
    { customer: dakota, page: pageOf(rows, 0, 10), refreshUserIds: ['29:megan'] },
    text,
  );

  it('shows each deletion time and the days left, and Restore only where the window is open', () => {
    const runs = textRuns(card);
    expect(runs).toEqual(
      expect.arrayContaining([
        'Deleted users of Dakota mall',
        '28 days left to restore',
        'Less than a day left to restore',
        'Past the 30-day window: cannot be restored',
      ]),
    );
    expect(nodesOfType(card, 'TextBlock')).toHaveLength(3);
    expect(
      executeActions(card)
        .filter((action) => action.verb === 'user.restore')
        .map((action) => action.data),
    ).toEqual([
      { customerId: dakota.id, userId: pradeep.id },
      { customerId: dakota.id, userId: isaiah.id },
    ]);
  });

  it('refreshes itself when shown (Universal Actions refresh), by itself for the users it names', () => {
    expect(card.refresh).toEqual({
      action: expect.objectContaining({ verb: 'users.deleted', data: { customerId: dakota.id, page: '0' } }),
      userIds: ['29:megan'],
    });
  });

  it('names who it refreshes for by itself when asked (at most 60, each once), as Teams wants in channels', () => {
    const ids = Array.from({ length: 70 }, (_, index) => `29:user-${index % 65}`);
    const named = deletedUsersCard(
      { customer: dakota, page: pageOf(rows, 0, 10), refreshUserIds: ids },
      text,
    );
    const userIds = (named.refresh as { userIds: string[] }).userIds;
    expect(userIds).toHaveLength(60);
    expect(new Set(userIds).size).toBe(60);
    expect(userIds[0]).toBe('29:user-0');
  });

  it('tells everyone who restored whom after a restore from the card', () => {
    const after = deletedUsersCard(
      {
        customer: dakota,
        page: pageOf(rows.slice(1), 0, 10),
        refreshUserIds: [],
        restored: {
          displayName: 'Pradeep Gupta',
          userPrincipalName: pradeep.userPrincipalName,
          agent: 'Alex Agent',
          at: deletedAt,
        },
      },
      text,
    );
    expect(textRuns(after)[0]).toBe(
      'Pradeep Gupta (pradeep.gupta@dakotamall.onmicrosoft.com) was restored by Alex Agent',
    );
  });

  it('says when there is nothing to restore', () => {
    const none = deletedUsersCard({ customer: dakota, page: pageOf([], 0, 10), refreshUserIds: [] }, text);
    expect(textRuns(none)).toContain('Dakota mall has no deleted users that can still be restored.');
    // Only the card's own refresh action: no Restore, no paging.
    expect(executeActions(none).map((action) => action.verb)).toEqual(['users.deleted']);
  });
});

describe('restore confirmation and result cards', () => {
  it('asks before restoring, carrying only the operation id, with the way back to the list', () => {
    const card = restoreConfirmationCard(
      {
        target,
        window: { restorable: true, daysLeft: 28, deletedAt },
        operationId: 'op-1',
        backToList: true,
      },
      text,
    );
    expect(textRuns(card)).toEqual(
      expect.arrayContaining([
        'Restore Pradeep Gupta?',
        'Mar 1, 2026, 10:00 AM UTC',
        '28 days left to restore',
      ]),
    );
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      { verb: 'user.confirmRestore', data: { operationId: 'op-1' } },
      { verb: 'users.deleted', data: { customerId: dakota.id, page: '0' } },
    ]);
    const fromCommand = restoreConfirmationCard(
      { target, window: { restorable: true }, operationId: 'op-1', backToList: false },
      text,
    );
    expect(executeActions(fromCommand).map((action) => action.verb)).toEqual(['user.confirmRestore']);
  });

  it('says who restored whom, and opens the deleted users list', () => {
    const card = restoreResultCard({ target, agent: 'Alex Agent', at: deletedAt }, text);
    expect(textRuns(card)[0]).toBe(
      'Pradeep Gupta (pradeep.gupta@dakotamall.onmicrosoft.com) was restored by Alex Agent',
    );
    expect(executeActions(card)).toEqual([
      expect.objectContaining({ verb: 'users.deleted', data: { customerId: dakota.id, page: '0' } }),
    ]);
  });
});
