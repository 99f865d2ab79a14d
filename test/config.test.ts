import { ConfigError, DEV_RBAC_CONFIG, describeConfig, isLoopbackHost, loadConfig } from '../src/config';

const appId = '11111111-2222-4333-8444-555555555555';
const tenant = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs in dev mode on loopback with PGlite when only a local (simulator) Partner Center URL is given', () => {
    const config = loadConfig({ PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010/' });
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      mode: 'dev',
      store: { dataDir: './data' },
      rbacConfigPath: DEV_RBAC_CONFIG,
    });
    expect(config.partnerCenter).toMatchObject({ baseUrl: 'http://127.0.0.1:4010', simulatorMode: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('defaults to the real Partner Center, which needs credentials', () => {
    expect(problemsOf({}).join('\n')).toMatch(
      /credentials are required for https:\/\/api\.partnercenter\.microsoft\.com/,
    );
  });

  it('refuses dev mode (no app id) on a non-loopback address', () => {
    expect(
      problemsOf({ HOST: '0.0.0.0', PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' }).join('\n'),
    ).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      MicrosoftAppId: 'not-a-guid',
      DATABASE_URL: 'mysql://x',
      ALLOWED_TENANT_IDS: 'abc',
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/MicrosoftAppId must be a GUID/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('in production requires the app password, the role file and the allowed tenants', () => {
    const problems = problemsOf({
      MicrosoftAppId: appId,
      HOST: '0.0.0.0',
      PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010',
    });
    expect(problems.join('\n')).toMatch(/MicrosoftAppPassword/);
    expect(problems.join('\n')).toMatch(/RBAC_CONFIG/);
    expect(problems.join('\n')).toMatch(/ALLOWED_TENANT_IDS/);
  });

  it('requires Partner Center credentials for a non-loopback Partner Center URL', () => {
    const problems = problemsOf({ PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com' });
    expect(problems.join('\n')).toMatch(/credentials are required/);
    expect(loadConfig({ PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' }).partnerCenter.simulatorMode).toBe(
      true,
    );
  });

  it('accepts a complete production configuration and never echoes secrets in its summary', () => {
    const config = loadConfig({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'bot-secret-value',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenant,
      HOST: '0.0.0.0',
      RBAC_CONFIG: DEV_RBAC_CONFIG,
      ALLOWED_TENANT_IDS: `${tenant}, ${appId}`,
      PARTNER_CENTER_CLIENT_ID: appId,
      PARTNER_CENTER_CLIENT_SECRET: 'pc-secret-value',
      PARTNER_CENTER_TENANT_ID: tenant,
      PARTNER_CENTER_REFRESH_TOKEN: 'refresh-token-value',
      DATABASE_URL: 'postgres://bot@db.internal/helpdesk',
    });
    expect(config.mode).toBe('production');
    expect(config.allowedTenantIds).toEqual([tenant, appId]);
    expect(config.partnerCenter.simulatorMode).toBe(false);
    const summary = JSON.stringify(describeConfig(config));
    for (const secret of ['bot-secret-value', 'pc-secret-value', 'refresh-token-value'])
      expect(summary).not.toContain(secret);
  });

  it('requires either a client secret or a certificate with Partner Center credentials, and the refresh token', () => {
    const problems = problemsOf({ PARTNER_CENTER_CLIENT_ID: appId, PARTNER_CENTER_TENANT_ID: tenant });
    expect(problems.join('\n')).toMatch(/either a client secret or a certificate/);
    expect(problems.join('\n')).toMatch(/PARTNER_CENTER_REFRESH_TOKEN/);
  });

  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '10.0.0.1', 'example.com', '::']) expect(isLoopbackHost(host)).toBe(false);
  });
});
