import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { createUserServices, type UserServices } from '../../src/dialogs/user-services';
import { UsersDialog } from '../../src/dialogs/users-dialog';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { Store } from '../../src/store/store';
import { openHarness } from '../store/engines';
import { cardActions, cardTexts } from '../support/test-bot';

/**
 * The users dialog on botbuilder's test adapter: `users` / `deleted users` (customer resolution, first page),
 * with Partner Center served by the simulator.
 */

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;
let store: Store;
let services: UserServices;

beforeAll(async () => {
  simulator = await startSimulator();
  partnerCenter = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger: silentLogger(),
  });
  ({ store } = await openHarness('pglite'));
  services = createUserServices({ partnerCenter, store, passwordLength: 16, logger: silentLogger() });
});
afterAll(async () => {
  await partnerCenter.close();
  await simulator.close();
  await store.close();
});

async function run(dialog: UsersDialog, options: object) {
  const client = new DialogTestClient(
    'msteams',
    dialog,
    options,
    [],
    new ConversationState(new MemoryStorage()),
  );
  const reply = await client.sendActivity('go');
  return { card: reply.attachments[0].content as unknown, result: client.dialogTurnResult.result };
}

describe('the users dialog', () => {
  it('lists the active users of the one customer a tenant id names, for the audit with its id', async () => {
    const { card, result } = await run(new UsersDialog(services), {
      query: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
      view: 'active',
    });
    expect(cardTexts(card)).toEqual(expect.arrayContaining(['Users of Dakota mall', 'Showing 1–5 of 5.']));
    expect(result).toEqual({
      customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
      details: { view: 'active' },
    });
  });

  it('lists deleted users of a customer found by domain', async () => {
    const { card } = await run(new UsersDialog(services), {
      query: 'dtdemocspcustomer005.onmicrosoft.com',
      view: 'deleted',
    });
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Deleted users of DT Demo CSP Customer 005', 'Ferdinand']),
    );
    expect(cardActions(card).filter((action) => action.verb === 'user.restore')).toHaveLength(1);
  });

  it('asks which customer when several match, and says when none does', async () => {
    const many = await run(new UsersDialog(services), { query: 'contoso', view: 'deleted' });
    expect(cardActions(many.card).map((action) => action.verb)).toEqual([
      'users.deleted',
      'users.deleted',
      'users.deleted',
    ]);
    const none = await run(new UsersDialog(services), { query: 'no such company', view: 'active' });
    expect(cardTexts(none.card).join('\n')).toMatch(/No customer matches/);
    expect(none.result).toMatchObject({ details: { found: 0 } });
  });
});
