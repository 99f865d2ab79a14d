import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  type RunningSimulator,
  SERVICE_ACCOUNT_REFRESH_TOKEN,
  seedAgents,
  simulatorNetworkClient,
} from '../../../src/simulator';
import { client, manualClock, type SimClient, start, unsignedJwt } from '../sim-client';

const NOW = '2026-05-04T09:00:00Z';
const NOW_SECONDS = Date.parse(NOW) / 1000;
const PARTNER_TENANT = '11111111-2222-3333-4444-555555555555';
const BOT_APP_ID = '0e3c1d24-1111-4222-8333-444455556666';
const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const alex = seedAgents.find((agent) => agent.displayName === 'Alex Wilber');
const isaiah = seedAgents.find((agent) => agent.displayName === 'Isaiah Langer');

/** What Teams gives the bot for an agent: a token for the bot's own API (the OBO assertion). */
function teamsToken(oid: string, overrides: Record<string, unknown> = {}): string {
  return unsignedJwt({
    aud: `api://botid-${BOT_APP_ID}`,
    iss: `https://sts.windows.net/${PARTNER_TENANT}/`,
    exp: NOW_SECONDS + 3600,
    nbf: NOW_SECONDS - 60,
    oid,
    scp: 'access_as_user',
    ...overrides,
  });
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

let simulator: RunningSimulator;
let api: SimClient;

beforeEach(async () => {
  simulator = await start({ auth: 'claims', now: manualClock(NOW).now });
  api = client(simulator);
});
afterEach(() => simulator.close());

async function token(form: Record<string, string>) {
  return api.send('POST', `/${PARTNER_TENANT}/oauth2/v2.0/token`, new URLSearchParams(form).toString(), {
    'Content-Type': 'application/x-www-form-urlencoded',
  });
}

const obo = (assertion: string) => ({
  grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  requested_token_use: 'on_behalf_of',
  client_id: BOT_APP_ID,
  client_secret: 'bot-secret',
  assertion,
  scope: `${PARTNER_CENTER_SCOPE} offline_access`,
});

describe('the simulated token endpoint, on-behalf-of grant', () => {
  it('exchanges an agent’s Teams token for a Partner Center token naming that agent, with MFA when the agent used it', async () => {
    const response = await token(obo(teamsToken(alex?.id ?? '')));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      token_type: 'Bearer',
      scope: PARTNER_CENTER_SCOPE,
      expires_in: 3599,
    });
    expect(response.body.refresh_token).toEqual(expect.any(String));
    expect(claimsOf(response.body.access_token)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
      tid: PARTNER_TENANT,
      oid: alex?.id,
      upn: 'alex@contoso.onmicrosoft.com',
      scp: 'user_impersonation',
      appid: BOT_APP_ID,
      amr: ['pwd', 'mfa'],
    });
    expect(simulator.identity.tokenRequests()).toEqual([
      { grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', clientId: BOT_APP_ID, subject: alex?.id },
    ]);
  });

  it('issues tokens without mfa in amr for an agent who signed in without MFA', async () => {
    const response = await token(obo(teamsToken(isaiah?.id ?? '')));
    expect(claimsOf(response.body.access_token).amr).toEqual(['pwd']);
  });

  it.each([
    ['an expired Teams token', teamsToken(alex?.id ?? '', { exp: NOW_SECONDS - 1 }), 'invalid_grant', 500133],
    [
      'a token issued to another app',
      teamsToken(alex?.id ?? '', { aud: 'api://someone-else' }),
      'invalid_grant',
      50013,
    ],
    ['a token of a stranger', teamsToken('00000000-0000-4000-8000-00000000dead'), 'invalid_grant', 50034],
    ['something that is not a JWT', 'not-a-token', 'invalid_request', 50027],
  ])('refuses %s with the AADSTS error shape', async (_, assertion, error, code) => {
    const response = await token(obo(assertion));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error, error_codes: [code] });
    expect(response.body.error_description).toMatch(new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: `));
    expect(simulator.identity.tokenRequests()).toEqual([
      { grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', clientId: BOT_APP_ID, error },
    ]);
  });

  it('needs a client credential', async () => {
    const { client_secret: _, ...withoutSecret } = obo(teamsToken(alex?.id ?? ''));
    const response = await token(withoutSecret);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
  });
});

describe('the simulated token endpoint, refresh-token and client-credentials grants', () => {
  it('redeems a refresh token it issued, for the same agent', async () => {
    const first = await token(obo(teamsToken(isaiah?.id ?? '')));
    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: BOT_APP_ID,
      client_secret: 'bot-secret',
      refresh_token: first.body.refresh_token,
      scope: PARTNER_CENTER_SCOPE,
    });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.access_token)).toMatchObject({ oid: isaiah?.id, amr: ['pwd'] });
  });

  it('redeems the seeded service account refresh token (Secure Application Model) with MFA', async () => {
    const response = await token({
      grant_type: 'refresh_token',
      client_id: BOT_APP_ID,
      client_secret: 'bot-secret',
      refresh_token: SERVICE_ACCOUNT_REFRESH_TOKEN,
      scope: PARTNER_CENTER_SCOPE,
    });
    expect(claimsOf(response.body.access_token)).toMatchObject({
      upn: 'helpdesk@contoso.onmicrosoft.com',
      amr: ['pwd', 'mfa'],
    });
  });

  it('refuses an unknown refresh token', async () => {
    const response = await token({
      grant_type: 'refresh_token',
      client_id: BOT_APP_ID,
      client_secret: 'bot-secret',
      refresh_token: 'made-up',
      scope: PARTNER_CENTER_SCOPE,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
  });

  it('issues App-only tokens for a resource’s .default scope', async () => {
    const response = await token({
      grant_type: 'client_credentials',
      client_id: BOT_APP_ID,
      client_secret: 'bot-secret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(claimsOf(response.body.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      idtyp: 'app',
      appid: BOT_APP_ID,
      roles: ['DelegatedAdminRelationship.Read.All'],
    });
    expect(claimsOf(response.body.access_token).scp).toBeUndefined();
  });
});

describe('MSAL against the simulated identity platform', () => {
  function msal() {
    return new ConfidentialClientApplication({
      auth: {
        clientId: BOT_APP_ID,
        authority: `https://login.microsoftonline.com/${PARTNER_TENANT}`,
        clientSecret: 'bot-secret',
      },
      system: { networkClient: simulatorNetworkClient(simulator.url) },
    });
  }

  it('acquires a token on behalf of an agent, then with the refresh token it got', async () => {
    const app = msal();
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: teamsToken(alex?.id ?? ''),
      scopes: [PARTNER_CENTER_SCOPE],
      skipCache: true,
    });
    expect(claimsOf(result?.accessToken ?? '')).toMatchObject({ oid: alex?.id, amr: ['pwd', 'mfa'] });
    const refreshed = await app.acquireTokenByRefreshToken({
      refreshToken: SERVICE_ACCOUNT_REFRESH_TOKEN,
      scopes: [PARTNER_CENTER_SCOPE],
    });
    expect(claimsOf(refreshed?.accessToken ?? '').upn).toBe('helpdesk@contoso.onmicrosoft.com');
  });

  it('surfaces the endpoint’s invalid_grant as MSAL’s error code', async () => {
    const failure = await msal()
      .acquireTokenOnBehalfOf({
        oboAssertion: teamsToken(alex?.id ?? '', { exp: NOW_SECONDS - 60 }),
        scopes: [PARTNER_CENTER_SCOPE],
        skipCache: true,
      })
      .then(
        () => undefined,
        (error: unknown) => error as { errorCode?: string; errorMessage?: string },
      );
    expect(failure?.errorCode).toBe('invalid_grant');
    expect(failure?.errorMessage).toMatch(/AADSTS500133/);
  });
});
