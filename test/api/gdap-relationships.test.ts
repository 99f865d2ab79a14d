import { ConfidentialClientApplication } from '@azure/msal-node';
import { GraphGdapDirectory } from '../../src/api/gdap-relationships';
import { entraRoles } from '../../src/api/gdap-roles';
import { silentLogger } from '../../src/log';
import { type RunningSimulator, simulatorNetworkClient, startSimulator } from '../../src/simulator';

const LUCERNE = 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08';
const ctx = { correlationId: 'gdap-read' };

let simulator: RunningSimulator;
afterEach(() => simulator.close());

/** App-only Graph tokens from the simulated identity platform, as the bot gets them in production. */
function graphTokens(app: ConfidentialClientApplication) {
  return {
    getToken: async () =>
      (await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))
        ?.accessToken,
  };
}

describe('the partner’s GDAP relationships, read from Graph', () => {
  it('grants only what active relationships carry, with an App-only Graph token', async () => {
    simulator = await startSimulator({ auth: 'claims' });
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: '0e3c1d24-1111-4222-8333-444455556666',
        authority: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555',
        clientSecret: 'graph-secret',
      },
      system: { networkClient: simulatorNetworkClient(simulator.url) },
    });
    const directory = new GraphGdapDirectory({
      baseUrl: simulator.url,
      tokens: graphTokens(app),
      logger: silentLogger(),
    });
    try {
      const relationships = await directory.relationshipsOf(ctx, LUCERNE);
      expect(relationships.map((relationship) => relationship.status).sort()).toEqual(['active', 'expired']);
      expect(relationships.every((relationship) => relationship.customerTenantId === LUCERNE)).toBe(true);
      expect([...(await directory.grantedRoleIds(ctx, LUCERNE))].sort()).toEqual(
        [entraRoles.privilegedAuthenticationAdministrator.id, entraRoles.directoryReaders.id].sort(),
      );
    } finally {
      await directory.close();
    }
  });

  it('fails as PC_UNAVAILABLE when Graph refuses the token', async () => {
    simulator = await startSimulator({ auth: 'claims' });
    const directory = new GraphGdapDirectory({
      baseUrl: simulator.url,
      tokens: { getToken: async () => undefined },
      logger: silentLogger(),
    });
    try {
      await expect(directory.grantedRoleIds(ctx, LUCERNE)).rejects.toMatchObject({ code: 'PC_UNAVAILABLE' });
    } finally {
      await directory.close();
    }
  });
});
