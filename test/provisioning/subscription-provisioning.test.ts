import type { Subscription } from '../../src/api/models';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { silentLogger } from '../../src/log';
import {
  attentionFirst,
  isStillPending,
  lookUpProvisioning,
  needsAttention,
  type SubscriptionProvisioning,
  withProvisioning,
} from '../../src/provisioning/subscription-provisioning';
import { type RunningSimulator, startSimulator } from '../../src/simulator';

const STATUS = 'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}/provisioningstatus';
const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const ctx = { correlationId: 'a0b1c2d3-0000-4000-8000-000000000002' };

describe('subscriptions with their provisioning status (over HTTP, against the simulator)', () => {
  let simulator: RunningSimulator;
  let client: PartnerCenterClient;

  beforeAll(async () => {
    simulator = await startSimulator({ logger: silentLogger(), extraCustomers: 0 });
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
  });

  it('reads each subscription’s status, keeping the list order', async () => {
    const subscriptions = await client.listSubscriptions(ctx, contoso190);
    const rows = await withProvisioning(client, ctx, contoso190, subscriptions, 2);
    expect(rows.map((row) => [row.subscription.id, row.provisioning])).toEqual([
      [
        '0200cc91-da62-4023-b0d1-0e868c9492bc',
        { kind: 'status', status: expect.objectContaining({ status: 'success' }) },
      ],
      [
        '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
        { kind: 'status', status: expect.objectContaining({ status: 'pending' }) },
      ],
    ]);
    expect(simulator.calls.count(STATUS)).toBe(2);
  });

  it('does not ask about a deleted subscription (Partner Center has no provisioning for it)', async () => {
    const deleted: Subscription = { id: '0200cc91-da62-4023-b0d1-0e868c9492bc', status: 'deleted' };
    expect(await lookUpProvisioning(client, ctx, contoso190, deleted)).toEqual({ kind: 'notApplicable' });
    expect(simulator.calls.count(STATUS)).toBe(0);
  });

  it('shows a status Partner Center refuses as unavailable with its code', async () => {
    const revoked = 'c2b306bb-df8d-4ac7-87de-3adcbecdbbfd';
    const [subscription] = await client.listSubscriptions(ctx, revoked);
    expect(await lookUpProvisioning(client, ctx, revoked, subscription as Subscription)).toEqual({
      kind: 'unavailable',
      code: 'PC_FORBIDDEN',
    });
  });

  it('starts no new call after a throttled answer: the remaining rows say Partner Center is busy', async () => {
    const dtDemo = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
    const subscriptions = await client.listSubscriptions(ctx, dtDemo);
    expect(subscriptions.length).toBe(4);
    simulator.calls.reset();
    simulator.faults.add({ route: STATUS, status: 429, retryAfterSeconds: 1, times: 1 });
    const rows = await withProvisioning(client, ctx, dtDemo, subscriptions, 1);
    expect(rows.map((row) => row.provisioning)).toEqual([
      { kind: 'unavailable', code: 'PC_THROTTLED' },
      { kind: 'unavailable', code: 'PC_THROTTLED' },
      { kind: 'unavailable', code: 'PC_THROTTLED' },
      { kind: 'unavailable', code: 'PC_THROTTLED' },
    ]);
    expect(simulator.calls.count(STATUS)).toBe(1);
  });
});

describe('provisioning states (pure)', () => {
  const row = (id: string, status?: string): SubscriptionProvisioning => ({
    subscription: { id, status: 'active' },
    provisioning: status
      ? { kind: 'status', status: { status } }
      : { kind: 'unavailable', code: 'PC_UNAVAILABLE' },
  });

  it('puts failed first, then pending, each group in the original order', () => {
    const ordered = attentionFirst([
      row('a', 'success'),
      row('b', 'pending'),
      row('c'),
      row('d', 'failed'),
      row('e', 'pending'),
    ]);
    expect(ordered.map((item) => item.subscription.id)).toEqual(['d', 'b', 'e', 'a', 'c']);
  });

  it('calls attention to pending and failed only', () => {
    expect(
      ['success', 'pending', 'failed', 'none'].map((status) => needsAttention(row('x', status).provisioning)),
    ).toEqual([false, true, true, false]);
    expect(needsAttention(row('x').provisioning)).toBe(false);
  });

  it('treats pending and not-yet-known as still pending, anything else as an end', () => {
    expect(['pending', 'none', 'success', 'failed', 'cancelled'].map(isStillPending)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
