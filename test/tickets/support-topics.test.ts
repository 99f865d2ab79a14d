import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import { SupportTopicCatalog } from '../../src/tickets/support-topics';

const TOPICS = 'GET /v1/servicerequests/supporttopics';
const ctx = (locale?: string) => ({ correlationId: 'a0b1c2d3-0000-4000-8000-000000000001', locale });

describe('support topic catalog (over HTTP, against the simulator)', () => {
  let simulator: RunningSimulator;
  let client: PartnerCenterClient;
  let now = 1_000_000;

  beforeAll(async () => {
    simulator = await startSimulator({ logger: silentLogger() });
    client = new PartnerCenterClient({
      baseUrl: simulator.url,
      tokens: noTokenProvider,
      logger: silentLogger(),
      retry: { maxAttempts: 1 },
    });
  });
  afterAll(async () => {
    await client.close();
    await simulator.close();
  });
  beforeEach(() => {
    simulator.calls.reset();
    simulator.faults.clear();
    now = 1_000_000;
  });

  const catalog = (legacyApi = true) =>
    new SupportTopicCatalog(client, { legacyApi, ttlMs: 60_000, now: () => now });

  it('reads the topics once per language, with numeric ids as text', async () => {
    const topics = catalog();
    const english = await topics.topics(ctx('en-US'));
    expect(english).toHaveLength(14);
    expect(english[0]).toEqual({
      id: '32444667',
      name: 'Partner Center Issues',
      description:
        'Office 365 questions from the CSP (Cloud Solution Provider) partners using Partner Center',
    });
    await topics.topics(ctx('EN-us'));
    const french = await topics.topics(ctx('fr-FR'));
    expect(french[1]?.name).toBe('Impossible de gérer mon profil');
    expect(simulator.calls.count(TOPICS)).toBe(2);
  });

  it('reads them again when the cached ones are older than the time to live', async () => {
    const topics = catalog();
    await topics.topics(ctx('en-US'));
    now += 60_001;
    await topics.topics(ctx('en-US'));
    expect(simulator.calls.count(TOPICS)).toBe(2);
  });

  it('reports a route Partner Center removed as PC_NOT_AVAILABLE, and does not cache the failure', async () => {
    const topics = catalog();
    simulator.faults.add({ route: TOPICS, status: 405, times: 1 });
    await expect(topics.topics(ctx('en-US'))).rejects.toMatchObject({ code: 'PC_NOT_AVAILABLE' });
    await expect(topics.topics(ctx('en-US'))).resolves.toHaveLength(14);
  });

  it('never calls the legacy route when SERVICE_REQUESTS_LEGACY_API is off', async () => {
    await expect(catalog(false).topics(ctx('en-US'))).rejects.toMatchObject({ code: 'PC_NOT_AVAILABLE' });
    expect(simulator.calls.count(TOPICS)).toBe(0);
  });
});
