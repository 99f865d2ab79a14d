import { engines, type Harness, openHarness, uniquePrefix } from './engines';

describe.each(engines)('conversation welcomes on %s', (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(engine);
  });
  afterAll(async () => {
    await harness.store.close();
  });

  it('lets exactly one of two simultaneous install events claim the welcome', async () => {
    const conversationId = uniquePrefix('conversation');
    const at = new Date('2026-03-02T10:00:00Z');
    const claims = await Promise.all([
      harness.store.welcomes.claim(conversationId, at),
      harness.store.welcomes.claim(conversationId, at),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await harness.store.welcomes.claim(conversationId, at)).toBe(false);
  });

  it('welcomes again after the bot was uninstalled', async () => {
    const conversationId = uniquePrefix('conversation');
    const at = new Date('2026-03-02T10:00:00Z');
    expect(await harness.store.welcomes.claim(conversationId, at)).toBe(true);
    await harness.store.welcomes.release(conversationId);
    expect(await harness.store.welcomes.claim(conversationId, at)).toBe(true);
  });
});
