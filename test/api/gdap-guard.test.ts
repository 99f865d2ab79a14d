import { GdapRoleMissingError, guardGdap } from '../../src/api/gdap-guard';
import { GraphGdapDirectory } from '../../src/api/gdap-relationships';
import { entraRoles } from '../../src/api/gdap-roles';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, startSimulator } from '../../src/simulator';

/**
 * GDAP pre-flight over real HTTP: the Partner Center client and the Graph relationships read both talk to
 * the simulator, whose seed gives Alpine Ski House only Directory Readers, Humongous Insurance no
 * relationship, and every other customer User Administrator and Privileged Authentication Administrator.
 */

const ALPINE = '86d9c571-b1fe-48b9-93bf-26e5c557d77e';
const ALPINE_ADMIN = '94849fb4-ac23-47c7-bbab-dbd82656c3e3';
const HUMONGOUS = '8826a443-cc53-4256-a4bf-93fb573bb931';
const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const DANIEL = 'a9ef48bb-8758-4590-a312-d4a47bfaded4';
const ctx = { correlationId: 'gdap-test' };

let simulator: RunningSimulator;
let client: PartnerCenterClient;
let directory: GraphGdapDirectory;

beforeEach(async () => {
  simulator = await startSimulator();
  client = new PartnerCenterClient({
    baseUrl: simulator.url,
    tokens: noTokenProvider,
    logger: silentLogger(),
    retry: { maxAttempts: 1 },
  });
  directory = new GraphGdapDirectory({
    baseUrl: simulator.url,
    tokens: { getToken: async () => undefined },
    logger: silentLogger(),
  });
});
afterEach(async () => {
  await client.close();
  await directory.close();
  await simulator.close();
});

async function refusal(promise: Promise<unknown>): Promise<GdapRoleMissingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GdapRoleMissingError) return error;
    throw error;
  }
  throw new Error('expected a GDAP refusal');
}

describe('GDAP pre-flight before customer-user operations', () => {
  it('says which roles a reset needs on which customer, and what the customer grants, without calling Partner Center', async () => {
    const guarded = guardGdap(client, directory, silentLogger());
    const error = await refusal(guarded.resetUserPassword(ctx, ALPINE, ALPINE_ADMIN, 'Renew456*Renew', true));
    expect(error.code).toBe('GDAP_ROLE_MISSING');
    expect(error.customerId).toBe(ALPINE);
    expect(error.customerName).toBe('Alpine Ski House');
    expect(error.requirement.anyOf.map((role) => role.name)).toEqual([
      'User Administrator',
      'Privileged Authentication Administrator',
    ]);
    expect(error.grantedRoleIds).toEqual([entraRoles.directoryReaders.id]);
    expect(error.evidence).toBe('gdap-relationships');
    expect(error.details).toMatchObject({ grantedRoles: ['Directory Readers'], operation: 'resetPassword' });
    expect(
      simulator.calls.count('PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword'),
    ).toBe(0);
  });

  it('lets reads through where Directory Readers is enough, and reads each customer’s relationships once', async () => {
    const guarded = guardGdap(client, directory, silentLogger());
    await guarded.listUsers(ctx, ALPINE);
    await guarded.listDeletedUsers(ctx, ALPINE);
    expect(simulator.gdap.reads()).toBe(1);
    const error = await refusal(guarded.restoreUser(ctx, ALPINE, ALPINE_ADMIN));
    expect(error.requirement.anyOf.map((role) => role.name)).toEqual([
      'User Administrator',
      'Directory Writers',
    ]);
  });

  it('refuses even listing users of a customer without any relationship', async () => {
    const error = await refusal(guardGdap(client, directory, silentLogger()).listUsers(ctx, HUMONGOUS));
    expect(error.grantedRoleIds).toEqual([]);
  });

  it('does not stand in the way where the roles are granted', async () => {
    const guarded = guardGdap(client, directory, silentLogger());
    const user = await guarded.resetUserPassword(ctx, DT_DEMO, DANIEL, 'Renew456*Renew', true);
    expect(user.id).toBe(DANIEL);
  });

  it('turns Partner Center’s 403 into the same error when Graph cannot say', async () => {
    const guarded = guardGdap(client, undefined, silentLogger());
    const error = await refusal(guarded.resetUserPassword(ctx, ALPINE, ALPINE_ADMIN, 'Renew456*Renew', true));
    expect(error.evidence).toBe('partner-center-403');
    expect(error.grantedRoleIds).toBeUndefined();
    expect(error.cause).toMatchObject({ httpStatus: 403, partnerCode: '2032' });
  });

  it('falls back to asking Partner Center when the relationships read fails', async () => {
    await directory.close();
    directory = new GraphGdapDirectory({
      baseUrl: 'http://127.0.0.1:9',
      tokens: { getToken: async () => undefined },
      logger: silentLogger(),
      timeoutMs: 500,
    });
    const guarded = guardGdap(client, directory, silentLogger());
    const error = await refusal(guarded.listUsers(ctx, HUMONGOUS));
    expect(error.evidence).toBe('partner-center-403');
    expect((await guarded.listUsers(ctx, DT_DEMO)).items.length).toBeGreaterThan(0);
  });

  it('follows roles granted later once the cached answer expires', async () => {
    let now = 0;
    const timed = new GraphGdapDirectory({
      baseUrl: simulator.url,
      tokens: { getToken: async () => undefined },
      logger: silentLogger(),
      cacheTtlMs: 1000,
      now: () => now,
    });
    try {
      const guarded = guardGdap(client, timed, silentLogger());
      await refusal(guarded.listUsers(ctx, HUMONGOUS));
      simulator.gdap.setRoles(HUMONGOUS, [entraRoles.directoryReaders.id]);
      await refusal(guarded.listUsers(ctx, HUMONGOUS));
      now += 1001;
      await guarded.listUsers(ctx, HUMONGOUS);
    } finally {
      await timed.close();
    }
  });

  it('leaves other operations and properties alone', async () => {
    const guarded = guardGdap(client, directory, silentLogger());
    expect((await guarded.getCustomer(ctx, ALPINE)).companyProfile.companyName).toBe('Alpine Ski House');
    expect(simulator.gdap.reads()).toBe(0);
    expect(typeof guarded.close).toBe('function');
  });
});
