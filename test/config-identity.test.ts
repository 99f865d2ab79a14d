import { ConfigError, DEV_RBAC_CONFIG, describeConfig, loadConfig } from '../src/config';

/** IDENTITY_MODE and the sign-in settings (src/config.ts); the rest of the configuration is in config.test.ts. */

const appId = '0e3c1d24-1111-4222-8333-444455556666';
const tenant = '11111111-2222-3333-4444-555555555555';
const production = {
  MicrosoftAppId: appId,
  MicrosoftAppPassword: 'bot-secret-value',
  HOST: '0.0.0.0',
  RBAC_CONFIG: DEV_RBAC_CONFIG,
  ALLOWED_TENANT_IDS: tenant,
  PARTNER_CENTER_CLIENT_ID: appId,
  PARTNER_CENTER_CLIENT_SECRET: 'pc-secret-value',
  PARTNER_CENTER_TENANT_ID: tenant,
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('identity mode configuration', () => {
  it('acts as each agent by default in production, with the OAuth connection, and needs no service account', () => {
    const config = loadConfig({ ...production, OAUTH_CONNECTION_NAME: 'partner-center-sso' });
    expect(config.identity).toEqual({
      mode: 'agent',
      oauthConnectionName: 'partner-center-sso',
      oauthUrl: undefined,
      gdapPreflight: true,
    });
    expect(describeConfig(config)).toMatchObject({
      identityMode: 'agent',
      oauthConnection: 'partner-center-sso',
    });
  });

  it('keeps the service account by default in dev mode, so npm start works with the Playground and the simulator', () => {
    const config = loadConfig({ PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' });
    expect(config.identity.mode).toBe('service-account');
    expect(config.partnerCenter.simulatorMode).toBe(true);
  });

  it('in agent mode requires the OAuth connection and the app registration the agents sign in to', () => {
    const problems = problemsOf({ IDENTITY_MODE: 'agent', PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' });
    expect(problems).toMatch(/OAUTH_CONNECTION_NAME: required when IDENTITY_MODE is agent/);
    expect(problems).toMatch(/PARTNER_CENTER_CLIENT_ID: IDENTITY_MODE agent needs/);
  });

  it('requires the refresh token only of the service account', () => {
    expect(problemsOf({ ...production, IDENTITY_MODE: 'service-account' })).toMatch(
      /PARTNER_CENTER_REFRESH_TOKEN/,
    );
    expect(problemsOf({ ...production, IDENTITY_MODE: 'app-only' })).toBe('');
    expect(problemsOf({ ...production, OAUTH_CONNECTION_NAME: 'sso' })).toBe('');
  });

  it('rejects an unknown mode and a malformed token service URL', () => {
    expect(problemsOf({ IDENTITY_MODE: 'shared' })).toMatch(/IDENTITY_MODE/);
    expect(problemsOf({ BOT_OAUTH_URL: 'token service' })).toMatch(/BOT_OAUTH_URL/);
    expect(
      loadConfig({
        BOT_OAUTH_URL: 'https://token.botframework.azure.us/',
        PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010',
      }).identity.oauthUrl,
    ).toBe('https://token.botframework.azure.us');
  });
});
