import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { UserOperationDialog } from '../../src/dialogs/user-operation-dialog';
import { createUserServices, type UserServices } from '../../src/dialogs/user-services';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { Store } from '../../src/store/store';
import { openHarness } from '../store/engines';
import { cardActions, cardTexts } from '../support/test-bot';

/**
 * The user operation dialog on botbuilder's test adapter: `reset password` / `restore user` (customer from the
 * UPN's domain, then the confirmation or the answer), with Partner Center served by the simulator.
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

async function run(dialog: UserOperationDialog, options: object) {
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

describe('the user operation dialog', () => {
  it('finds the customer from the UPN domain and asks to confirm the reset', async () => {
    const { card, result } = await run(new UserOperationDialog(services), {
      upn: 'Lidia.Holloway@DakotaMall.onmicrosoft.com',
      operation: 'resetPassword',
      roles: ['agent'],
    });
    expect(cardTexts(card)).toContain('Reset the password of Lidia Holloway?');
    expect(result).toMatchObject({
      customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
      targetUserId: '415f9de8-e816-4c30-be9c-36e70d5cf0cf',
      details: { result: 'confirm' },
    });
  });

  it('finds a deleted user by UPN and asks to confirm the restore', async () => {
    const { card } = await run(new UserOperationDialog(services), {
      upn: 'e83763f7f2204ac384cfcd49f79f2749@dtdemocspcustomer005.onmicrosoft.com',
      operation: 'restore',
      roles: ['agent'],
    });
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Restore Ferdinand?', '25 days left to restore']),
    );
    expect(cardActions(card).map((action) => action.verb)).toEqual(['user.confirmRestore']);
  });

  it('asks for a user name when none is given, without calling Partner Center', async () => {
    const before = simulator.calls.count();
    const { card } = await run(new UserOperationDialog(services), {
      upn: ' ',
      operation: 'restore',
      roles: [],
    });
    expect(cardTexts(card).join('\n')).toMatch(/Which user\?/);
    expect(simulator.calls.count()).toBe(before);
  });
});
