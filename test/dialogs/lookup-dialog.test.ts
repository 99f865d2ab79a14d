import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { LookupDialog } from '../../src/dialogs/lookup-dialog';
import { LookupSessions } from '../../src/dialogs/lookup-sessions';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { cardActions, cardTexts } from '../support/test-bot';

/**
 * The lookup dialog on botbuilder's test adapter, with Partner Center served by the simulator
 * (400 extra generated customers, so that a broad prefix spans several pages).
 */

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;

beforeAll(async () => {
  simulator = await startSimulator({ extraCustomers: 400 });
  partnerCenter = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await partnerCenter.close();
  await simulator.close();
});

async function firstCard(query: string) {
  const conversationState = new ConversationState(new MemoryStorage());
  const sessions = new LookupSessions(conversationState.createProperty('lookupSessions'));
  const client = new DialogTestClient(
    'msteams',
    new LookupDialog(partnerCenter, sessions),
    { query },
    [],
    conversationState,
  );
  const reply = await client.sendActivity('lookup');
  return { card: reply.attachments[0].content as unknown, result: client.dialogTurnResult };
}

describe('the lookup dialog', () => {
  it('ends with the found customer id for the audit log', async () => {
    const { card, result } = await firstCard('wolfram');
    expect(cardTexts(card).join('\n')).toContain('Wolfram & Hart');
    expect(result.result).toMatchObject({
      customerId: '9f8a5686-b4e4-455a-acd6-4c3f9b1de284',
      details: { found: 1 },
    });
  });

  it('pages through a broad prefix', async () => {
    const calls = simulator.calls.count('GET /v1/customers');
    const { card, result } = await firstCard('co');
    const more = cardActions(card).find((action) => action.verb === 'lookup.more');
    expect(more?.data).toEqual({ searchId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(more?.data)).not.toMatch(/co|token/i);
    expect(result.result).toMatchObject({ details: { found: 10, more: true } });
    expect(simulator.calls.count('GET /v1/customers') - calls).toBe(1);
  });

  it('reads a malformed GUID as a mistake, without calling Partner Center', async () => {
    const before = simulator.calls.count();
    const { card } = await firstCard('c5757d70-06f3-4f23-8367-5a9e55019f9');
    expect(cardTexts(card).join('\n')).toMatch(/not a valid one/);
    expect(simulator.calls.count()).toBe(before);
  });
});
