import {
  ConfigError,
  DEFAULT_PORTAL_SERVICE_REQUESTS_URL,
  DEV_RBAC_CONFIG,
  describeConfig,
  isLoopbackHost,
  loadConfig,
} from '../src/config';

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
      OAUTH_CONNECTION_NAME: 'partner-center-sso',
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

describe('service request and provisioning settings', () => {
  const simulator = { PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' };

  it('defaults to the legacy service-request API, a 5-minute watch poll, a one-day give-up and 4 parallel status reads', () => {
    const config = loadConfig(simulator);
    expect(config.tickets).toEqual({
      legacyApi: true,
      portalServiceRequestsUrl: DEFAULT_PORTAL_SERVICE_REQUESTS_URL,
    });
    expect(config.provisioning).toEqual({
      statusConcurrency: 4,
      watchPollIntervalMs: 300_000,
      watchGiveUpAfterMs: 86_400_000,
    });
    expect(Object.isFrozen(config.tickets) && Object.isFrozen(config.provisioning)).toBe(true);
  });

  it.each([
    ['false', false],
    ['OFF', false],
    ['0', false],
    ['no', false],
    ['true', true],
    ['On', true],
    ['1', true],
  ])('reads SERVICE_REQUESTS_LEGACY_API=%s as %s', (value, expected) => {
    expect(loadConfig({ ...simulator, SERVICE_REQUESTS_LEGACY_API: value }).tickets.legacyApi).toBe(expected);
  });

  it('takes the watch timing and the portal page from the environment', () => {
    const config = loadConfig({
      ...simulator,
      WATCH_POLL_INTERVAL_MS: '900000',
      WATCH_GIVE_UP_AFTER_MS: '3600000',
      PROVISIONING_STATUS_CONCURRENCY: '8',
      PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL: 'https://portal.example/customers/{customerId}/support',
    });
    expect(config.provisioning).toEqual({
      statusConcurrency: 8,
      watchPollIntervalMs: 900_000,
      watchGiveUpAfterMs: 3_600_000,
    });
    expect(config.tickets.portalServiceRequestsUrl).toBe(
      'https://portal.example/customers/{customerId}/support',
    );
  });

  it('reports every invalid setting at once', () => {
    const problems = problemsOf({
      ...simulator,
      SERVICE_REQUESTS_LEGACY_API: 'maybe',
      PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL: 'http://partner.example/customers/{customerId}',
      PROVISIONING_STATUS_CONCURRENCY: '0',
      WATCH_POLL_INTERVAL_MS: '10',
      WATCH_GIVE_UP_AFTER_MS: 'soon',
    }).join('\n');
    expect(problems).toMatch(/SERVICE_REQUESTS_LEGACY_API must be true or false/);
    expect(problems).toMatch(
      /PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL must be an https:\/\/ URL containing \{customerId\}/,
    );
    expect(problems).toMatch(/PROVISIONING_STATUS_CONCURRENCY/);
    expect(problems).toMatch(/WATCH_POLL_INTERVAL_MS/);
    expect(problems).toMatch(/WATCH_GIVE_UP_AFTER_MS/);
  });

  it('refuses a give-up time shorter than the poll interval', () => {
    expect(
      problemsOf({ ...simulator, WATCH_POLL_INTERVAL_MS: '600000', WATCH_GIVE_UP_AFTER_MS: '300000' }).join(
        '\n',
      ),
    ).toMatch(/WATCH_GIVE_UP_AFTER_MS: 300000 is shorter than WATCH_POLL_INTERVAL_MS \(600000\)/);
  });
});

describe('the password length setting', () => {
  const simulator = { PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' };

  it('defaults to 16 characters and takes PASSWORD_LENGTH from 12 to 64', () => {
    expect(loadConfig(simulator).users).toEqual({ passwordLength: 16 });
    expect(loadConfig({ ...simulator, PASSWORD_LENGTH: '12' }).users.passwordLength).toBe(12);
    expect(loadConfig({ ...simulator, PASSWORD_LENGTH: '64' }).users.passwordLength).toBe(64);
  });

  it.each(['11', '65', '16.5', 'long'])('refuses PASSWORD_LENGTH=%s', (value) => {
    expect(problemsOf({ ...simulator, PASSWORD_LENGTH: value }).join('\n')).toMatch(/PASSWORD_LENGTH/);
  });
});

describe('the approval settings', () => {
  const simulator = { PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' };

  it('default to requests that wait 24 hours and a sweep every minute', () => {
    expect(loadConfig(simulator).approvals).toEqual({ expiryMs: 24 * 3_600_000, sweepIntervalMs: 60_000 });
  });

  it('take APPROVAL_EXPIRY_HOURS in hours, fractions included, and the sweep interval in milliseconds', () => {
    const config = loadConfig({
      ...simulator,
      APPROVAL_EXPIRY_HOURS: '0.5',
      APPROVAL_SWEEP_INTERVAL_MS: '5000',
    });
    expect(config.approvals).toEqual({ expiryMs: 1_800_000, sweepIntervalMs: 5000 });
    expect(loadConfig({ ...simulator, APPROVAL_EXPIRY_HOURS: '720' }).approvals.expiryMs).toBe(
      720 * 3_600_000,
    );
  });

  it.each([
    ['APPROVAL_EXPIRY_HOURS', '0'],
    ['APPROVAL_EXPIRY_HOURS', '721'],
    ['APPROVAL_EXPIRY_HOURS', 'a day'],
    ['APPROVAL_SWEEP_INTERVAL_MS', '999'],
    ['APPROVAL_SWEEP_INTERVAL_MS', '1.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(problemsOf({ ...simulator, [name]: value }).join('\n')).toMatch(new RegExp(name));
  });
});

describe('the retention settings', () => {
  const simulator = { PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:4010' };

  it('keep ended short-lived records 7 days unless RETENTION_DAYS says otherwise', () => {
    expect(loadConfig(simulator).retention).toEqual({ keepDays: 7 });
    expect(loadConfig({ ...simulator, RETENTION_DAYS: '30' }).retention).toEqual({ keepDays: 30 });
  });

  it.each(['0', '3651', '1.5', 'a week'])('refuses RETENTION_DAYS=%s, naming it', (value) => {
    expect(problemsOf({ ...simulator, RETENTION_DAYS: value }).join('\n')).toMatch(/RETENTION_DAYS/);
  });
});
