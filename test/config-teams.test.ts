import { ConfigError, describeConfig, loadConfig } from '../src/config';

/** The settings of the Teams-native features: customer index, message extension, Graph for group roles. */

const simulator = { PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' };
const appId = '11111111-2222-4333-8444-555555555555';
const graphClient = '22222222-3333-4444-8555-666666666666';
const tenant = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';

function problemsOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('customer index and message extension settings', () => {
  it('default to an hourly refresh and a 3-second wait for Partner Center', () => {
    expect(loadConfig(simulator).customerIndex).toEqual({
      refreshIntervalMs: 60 * 60_000,
      messageExtensionWaitMs: 3000,
    });
  });

  it('take CUSTOMER_INDEX_REFRESH_MINUTES (5 to 1440) and MESSAGE_EXTENSION_WAIT_MS (100 to 4000)', () => {
    expect(
      loadConfig({ ...simulator, CUSTOMER_INDEX_REFRESH_MINUTES: '15', MESSAGE_EXTENSION_WAIT_MS: '2500' })
        .customerIndex,
    ).toEqual({ refreshIntervalMs: 15 * 60_000, messageExtensionWaitMs: 2500 });
    const problems = problemsOf({
      ...simulator,
      CUSTOMER_INDEX_REFRESH_MINUTES: '1',
      MESSAGE_EXTENSION_WAIT_MS: '5000',
    });
    expect(problems).toMatch(/CUSTOMER_INDEX_REFRESH_MINUTES/);
    expect(problems).toMatch(/MESSAGE_EXTENSION_WAIT_MS/);
  });
});

describe('Microsoft Graph settings', () => {
  it('default to the public Graph, a 3-second timeout and 5 minutes of cached membership, with no credentials in dev mode', () => {
    expect(loadConfig(simulator).graph).toEqual({
      baseUrl: 'https://graph.microsoft.com',
      clientId: undefined,
      clientSecret: undefined,
      tenantId: undefined,
      timeoutMs: 3000,
      membershipCacheMs: 300_000,
    });
  });

  it('reuse the bot’s app registration unless GRAPH_CLIENT_ID is set', () => {
    const production = {
      ...simulator,
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'bot-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenant,
      RBAC_CONFIG: 'config/roles.dev.json',
      ALLOWED_TENANT_IDS: tenant,
      IDENTITY_MODE: 'service-account',
    };
    expect(loadConfig(production).graph).toMatchObject({
      clientId: appId,
      clientSecret: 'bot-secret',
      tenantId: tenant,
    });
    const dedicated = loadConfig({
      ...production,
      GRAPH_CLIENT_ID: graphClient,
      GRAPH_CLIENT_SECRET: 'graph-secret',
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
      GROUP_MEMBERSHIP_CACHE_SECONDS: '60',
    });
    expect(dedicated.graph).toMatchObject({
      baseUrl: 'https://graph.microsoft.us',
      clientId: graphClient,
      clientSecret: 'graph-secret',
      tenantId: tenant,
      membershipCacheMs: 60_000,
    });
    expect(JSON.stringify(describeConfig(dedicated))).not.toMatch(/graph-secret|bot-secret/);
  });

  it('report incomplete or invalid Graph settings', () => {
    expect(problemsOf({ ...simulator, GRAPH_CLIENT_ID: graphClient })).toMatch(
      /GRAPH_CLIENT_SECRET: required with GRAPH_CLIENT_ID[\s\S]*GRAPH_TENANT_ID: required/,
    );
    expect(problemsOf({ ...simulator, GRAPH_CLIENT_SECRET: 'x' })).toMatch(
      /GRAPH_CLIENT_ID: required with GRAPH_CLIENT_SECRET/,
    );
    const problems = problemsOf({
      ...simulator,
      GRAPH_CLIENT_ID: 'not-a-guid',
      GRAPH_TIMEOUT_MS: '60000',
      GROUP_MEMBERSHIP_CACHE_SECONDS: '0',
      GRAPH_BASE_URL: 'ftp://graph',
    });
    for (const name of [
      'GRAPH_CLIENT_ID',
      'GRAPH_TIMEOUT_MS',
      'GROUP_MEMBERSHIP_CACHE_SECONDS',
      'GRAPH_BASE_URL',
    ]) {
      expect(problems).toContain(name);
    }
  });
});
