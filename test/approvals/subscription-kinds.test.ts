import { randomUUID } from 'node:crypto';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import type { ApprovalKind } from '../../src/approvals/approval-kind';
import { privilegedResetKind } from '../../src/approvals/privileged-reset-kind';
import { reactivationKind, suspensionKind } from '../../src/approvals/subscription-kinds';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';
import type { ApprovalRequest } from '../../src/store/approvals';

/**
 * The three kinds against the simulator over HTTP: what each checks before a request is stored, the one
 * Partner Center call each makes once approved, and how each tells afterwards whether it took effect.
 */

const PATCH_SUBSCRIPTION = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';
const humongous = {
  customerId: '8826a443-cc53-4256-a4bf-93fb573bb931',
  subscriptionId: 'd25c5201-5099-4518-89aa-4e6836feeda3',
};
const lucerne = {
  customerId: 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08',
  subscriptionId: '25117899-e679-447c-bb3f-a5ad9bfed695',
};
const dakota = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const helpdeskAdmin = '9ee43b2e-4d5e-4e27-9d99-6122e319bd49';
const dtDemo = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const ferdinandDeleted = 'a45f1416-3300-4f65-9e8d-f123b397a4ea';

let simulator: RunningSimulator;
let partnerCenter: PartnerCenterClient;
const ctx = () => ({ correlationId: randomUUID() });

beforeAll(async () => {
  simulator = await startSimulator({});
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

/** A stored request as the engine would hand it to the kind. */
function requestFor(kind: ApprovalKind, target: Partial<ApprovalRequest>, etag?: string): ApprovalRequest {
  return {
    id: randomUUID(),
    kind: kind.name,
    status: 'executing',
    requester: { id: 'requester' },
    requesterConversation: {},
    locale: 'en-US',
    customerId: '',
    reason: 'test',
    facts: {},
    createdAt: new Date(),
    expiresAt: new Date(),
    cards: [],
    ...(etag && { etag }),
    ...target,
  };
}

describe('the suspension and reactivation kinds', () => {
  const suspension = () => suspensionKind(partnerCenter);
  const reactivation = () => reactivationKind(partnerCenter);

  it('are asked for by agents and decided by approvers, a suspension only with a reason', () => {
    expect(suspension()).toMatchObject({
      name: 'subscription.suspend',
      requestPermission: 'suspension.request',
      decidePermission: 'suspension.decide',
      reasonRequired: true,
    });
    expect(reactivation()).toMatchObject({
      name: 'subscription.reactivate',
      decidePermission: 'subscription.reactivate',
      reasonRequired: false,
    });
  });

  it('accept only an active subscription for a suspension and a suspended one for a reactivation', async () => {
    const active = await suspension().prepare(ctx(), humongous);
    expect(active).toEqual({
      ready: true,
      etag: expect.any(String),
      facts: {
        offerName: 'Office 365 E5',
        friendlyName: 'Office 365 E5',
        quantity: expect.any(Number),
        status: 'active',
      },
    });
    expect(await reactivation().prepare(ctx(), humongous)).toMatchObject({
      ready: false,
      problem: 'wrongStatus',
    });
    expect(await suspension().prepare(ctx(), lucerne)).toMatchObject({
      ready: false,
      facts: { status: 'suspended' },
    });
  });

  it('suspend with the etag read at request time, once, and can tell afterwards that it took effect', async () => {
    const prepared = await suspension().prepare(ctx(), humongous);
    if (!prepared.ready) throw new Error('expected an active subscription');
    const request = requestFor(suspension(), humongous, prepared.etag);
    expect(await suspension().verify?.(ctx(), request)).toBe(false);
    simulator.calls.reset();
    expect(await suspension().execute(ctx(), request)).toEqual({ result: { status: 'suspended' } });
    expect(simulator.calls.count(PATCH_SUBSCRIPTION)).toBe(1);
    expect(await suspension().verify?.(ctx(), request)).toBe(true);
  });

  it('fail with PC_STALE_ETAG when the subscription changed since the request, and change nothing', async () => {
    const prepared = await reactivation().prepare(ctx(), lucerne);
    if (!prepared.ready) throw new Error('expected a suspended subscription');
    const changed = await partnerCenter.getSubscription(ctx(), lucerne.customerId, lucerne.subscriptionId);
    await partnerCenter.setSubscriptionStatus(
      ctx(),
      lucerne.customerId,
      lucerne.subscriptionId,
      'active',
      changed.attributes?.etag ?? '',
    );
    const afterChange = await partnerCenter.getSubscription(
      ctx(),
      lucerne.customerId,
      lucerne.subscriptionId,
    );
    await partnerCenter.setSubscriptionStatus(
      ctx(),
      lucerne.customerId,
      lucerne.subscriptionId,
      'suspended',
      afterChange.attributes?.etag ?? '',
    );

    const stale = requestFor(reactivation(), lucerne, prepared.etag);
    await expect(reactivation().execute(ctx(), stale)).rejects.toMatchObject({ code: 'PC_STALE_ETAG' });
    expect(
      (await partnerCenter.getSubscription(ctx(), lucerne.customerId, lucerne.subscriptionId)).status,
    ).toBe('suspended');
  });
});

describe('the privileged reset kind', () => {
  const passwords: string[] = [];
  const kind = () =>
    privilegedResetKind(partnerCenter, () => {
      const password = `Approved-${passwords.length}-Xq7#pL9!`;
      passwords.push(password);
      return password;
    });

  it('is asked for by agents, decided by approvers, and needs no reason', () => {
    expect(kind()).toMatchObject({
      name: 'user.resetPassword.privileged',
      requestPermission: 'user.resetPassword',
      decidePermission: 'suspension.decide',
      reasonRequired: false,
    });
    expect(kind().verify).toBeUndefined();
  });

  it('shows the user and the administrator roles that make the reset need an approval; a deleted user is not found', async () => {
    expect(await kind().prepare(ctx(), { customerId: dakota, targetUserId: helpdeskAdmin })).toEqual({
      ready: true,
      facts: {
        userPrincipalName: 'megan.bowen@dakotamall.onmicrosoft.com',
        displayName: expect.any(String),
        roles: 'Helpdesk Administrator',
      },
    });
    await expect(
      kind().prepare(ctx(), { customerId: dtDemo, targetUserId: ferdinandDeleted }),
    ).rejects.toMatchObject({ code: 'PC_NOT_FOUND' });
  });

  it('resets with a fresh password, required to change, handed back as the secret alone', async () => {
    const request = requestFor(kind(), { customerId: dakota, targetUserId: helpdeskAdmin });
    const execution = await kind().execute(ctx(), request);
    expect(execution).toEqual({ result: { forceChange: true }, secret: passwords.at(-1) });
    expect(JSON.stringify(execution.result)).not.toContain(passwords.at(-1));
  });
});
