import { silentLogger } from '../../src/log';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { SUBMISSION_LEASE_MS, Submissions } from '../../src/tickets/submissions';

describe('forms submitted at most once', () => {
  let store: Store;
  let now: Date;
  let submissions: Submissions;
  const facts = { customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94', companyName: 'Contoso190' };

  beforeAll(async () => {
    store = await openStore({ dataDir: ':memory:', logger: silentLogger() });
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(() => {
    now = new Date('2026-03-02T10:00:00Z');
    submissions = new Submissions(store.state, 'ticket-form', () => now);
  });

  it('opens a submission with an opaque id and its facts', async () => {
    const id = await submissions.open(facts);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await submissions.find(id)).toEqual(facts);
    expect(await submissions.find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('lets the first claim through and tells later ones it is busy, then done with its result', async () => {
    const id = await submissions.open(facts);
    expect(await submissions.claim(id)).toEqual({ kind: 'claimed', facts });
    expect(await submissions.claim(id)).toEqual({ kind: 'busy', facts });
    await submissions.complete(id, facts, '616122292874576');
    expect(await submissions.claim(id)).toEqual({ kind: 'done', facts, result: '616122292874576' });
  });

  it('tells what a submission created only once it is done, without claiming it', async () => {
    const id = await submissions.open(facts);
    expect(await submissions.created(id)).toBeUndefined();
    expect(await submissions.claim(id)).toEqual({ kind: 'claimed', facts });
    expect(await submissions.created(id)).toBeUndefined();
    await submissions.reopen(id, facts);
    expect(await submissions.created(id)).toBeUndefined();
    expect(await submissions.claim(id)).toEqual({ kind: 'claimed', facts });
    await submissions.complete(id, facts, '616122292874576');
    expect(await submissions.created(id)).toEqual({ facts, result: '616122292874576' });
    expect(await submissions.created('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('lets exactly one of simultaneous claims through', async () => {
    const id = await submissions.open(facts);
    const claims = await Promise.all(Array.from({ length: 6 }, () => submissions.claim(id)));
    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
  });

  it('opens a failed submission again for another try', async () => {
    const id = await submissions.open(facts);
    await submissions.claim(id);
    await submissions.reopen(id, facts);
    expect(await submissions.claim(id)).toEqual({ kind: 'claimed', facts });
  });

  it('frees a submission whose turn died mid-call once the lease is over', async () => {
    const id = await submissions.open(facts);
    await submissions.claim(id);
    now = new Date(now.getTime() + SUBMISSION_LEASE_MS - 1);
    expect((await submissions.claim(id)).kind).toBe('busy');
    now = new Date(now.getTime() + 1);
    expect((await submissions.claim(id)).kind).toBe('claimed');
  });

  it('knows nothing of an unknown id, nor of another kind’s submissions', async () => {
    const id = await submissions.open(facts);
    expect(await new Submissions(store.state, 'ticket-note').claim(id)).toEqual({ kind: 'unknown' });
    expect(await submissions.claim('00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'unknown' });
  });
});
