import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import {
  MsalTokenProvider,
  type MsalTokenProviderOptions,
  PARTNER_CENTER_APP_SCOPE,
  PARTNER_CENTER_USER_SCOPE,
} from '../../src/api/msal-token-provider';
import { AppError } from '../../src/errors';
import {
  decodeJwtClaims,
  type FakeTokenEndpoint,
  fakeTokenEndpoint,
  issueToken,
} from './support/fake-token-endpoint';
import { capturingLogger } from './support/mock-partner-center';

const CLIENT_ID = '0e3c1d24-1111-4222-8333-444455556666';
const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = 'client-secret-value-~123';
const REFRESH_TOKEN = '0.AAAA-refresh-token-of-the-service-account';

let endpoint: FakeTokenEndpoint;
let now: number;

function provider(overrides: Partial<MsalTokenProviderOptions> = {}): MsalTokenProvider {
  return new MsalTokenProvider({
    clientId: CLIENT_ID,
    tenantId: TENANT_ID,
    credential: { clientSecret: SECRET },
    refreshToken: REFRESH_TOKEN,
    networkClient: endpoint,
    now: () => now,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

beforeEach(() => {
  endpoint = fakeTokenEndpoint();
  now = Date.now();
});

describe('App-only tokens', () => {
  it('come from the client credentials grant for the Partner Center .default scope', async () => {
    const token = await provider().getToken('app');
    expect(endpoint.tokenRequests).toHaveLength(1);
    const [{ url, form }] = endpoint.tokenRequests;
    expect(new URL(url).origin + new URL(url).pathname).toBe(
      `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`,
    );
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe(PARTNER_CENTER_APP_SCOPE);
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('client_secret')).toBe(SECRET);
    expect(decodeJwtClaims(token)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
      idtyp: 'app',
    });
  });

  it('are signed for with a certificate when there is no secret', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const thumbprint = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';
    await provider({ credential: { certificate: { thumbprint, privateKey: pem } } }).getToken('app');
    const form = endpoint.tokenRequests[0].form;
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const [header, claims, signature] = (form.get('client_assertion') ?? '').split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      x5t: Buffer.from(thumbprint, 'hex').toString('base64url'),
    });
    expect(JSON.parse(Buffer.from(claims, 'base64url').toString())).toMatchObject({
      iss: CLIENT_ID,
      sub: CLIENT_ID,
    });
    const verified = createVerify('RSA-SHA256')
      .update(`${header}.${claims}`)
      .verify(
        createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
        Buffer.from(signature, 'base64url'),
      );
    expect(verified).toBe(true);
  });
});

describe('App+User tokens (Secure Application Model)', () => {
  it('redeem the service account refresh token for user_impersonation', async () => {
    const token = await provider().getToken('app+user');
    const [{ form }] = endpoint.tokenRequests;
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe(REFRESH_TOKEN);
    expect(form.get('scope')?.split(' ')).toContain(PARTNER_CENTER_USER_SCOPE);
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('client_secret')).toBe(SECRET);
    expect(decodeJwtClaims(token)).toMatchObject({ scp: 'user_impersonation' });
  });

  it('fail with PC_UNAUTHENTICATED when no refresh token is configured, without calling the endpoint', async () => {
    const error = await failure(provider({ refreshToken: undefined }).getToken('app+user'));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('PC_UNAUTHENTICATED');
    expect(endpoint.tokenRequests).toHaveLength(0);
  });
});

describe('token cache', () => {
  it('keeps each kind until 5 minutes before it expires, then renews it', async () => {
    const tokens = provider();
    const first = await tokens.getToken('app');
    await tokens.getToken('app+user');
    now += (3600 - 5 * 60 - 2) * 1000;
    expect(await tokens.getToken('app')).toBe(first);
    expect(endpoint.tokenRequests).toHaveLength(2);
    now += 3000;
    const renewed = await tokens.getToken('app');
    expect(renewed).not.toBe(first);
    await tokens.getToken('app+user');
    expect(endpoint.tokenRequests.map((request) => request.form.get('grant_type'))).toEqual([
      'client_credentials',
      'refresh_token',
      'client_credentials',
      'refresh_token',
    ]);
  });

  it('coalesces concurrent requests for the same kind into one token call', async () => {
    const tokens = provider();
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => tokens.getToken('app')),
      ...Array.from({ length: 5 }, () => tokens.getToken('app+user')),
    ]);
    expect(endpoint.tokenRequests).toHaveLength(2);
    expect(new Set(results.slice(0, 5)).size).toBe(1);
    expect(new Set(results.slice(5)).size).toBe(1);
  });

  it('renews every time when tokens live less than 5 minutes', async () => {
    endpoint.answerWith((form) => issueToken(form, 120));
    const tokens = provider();
    await tokens.getToken('app');
    await tokens.getToken('app');
    expect(endpoint.tokenRequests).toHaveLength(2);
  });
});

describe('token endpoint errors', () => {
  it('become PC_UNAUTHENTICATED without the client secret in the message, and are not cached', async () => {
    endpoint.answerWith(() => ({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided: ${SECRET}`,
        error_codes: [7000215],
      },
    }));
    const tokens = provider();
    const error = await failure(tokens.getToken('app'));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('PC_UNAUTHENTICATED');
    expect(error.message).toMatch(/invalid_client/);
    expect(error.message).toContain('[redacted]');
    expect(`${error.message} ${JSON.stringify(error.details)} ${error.stack}`).not.toContain(SECRET);
    endpoint.answerWith((form) => issueToken(form));
    await expect(tokens.getToken('app')).resolves.toEqual(expect.any(String));
  });

  it('become PC_UNAUTHENTICATED without the refresh token in the message', async () => {
    endpoint.answerWith(() => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `AADSTS700082: The refresh token ${REFRESH_TOKEN} has expired.`,
      },
    }));
    const error = await failure(provider().getToken('app+user'));
    expect(error.code).toBe('PC_UNAUTHENTICATED');
    expect(error.details).toMatchObject({ tokenKind: 'app+user', errorCode: 'invalid_grant' });
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(REFRESH_TOKEN);
  });
});

describe('authority', () => {
  it('uses another authority host when configured, reading its metadata through the network client', async () => {
    await provider({ authorityHost: 'https://login.partner.example' }).getToken('app');
    expect(new URL(endpoint.tokenRequests[0].url).host).toBe('login.partner.example');
    expect(
      endpoint.metadataRequests.some(
        (url) => url.includes('openid-configuration') || url.includes('discovery'),
      ),
    ).toBe(true);
  });
});

describe('logging', () => {
  it('notes an acquisition without the token or any credential', async () => {
    const capture = capturingLogger();
    const tokens = provider({ logger: capture.logger });
    const token = await tokens.getToken('app+user');
    expect(capture.lines).toEqual([
      expect.objectContaining({ msg: 'partner center token acquired', tokenKind: 'app+user' }),
    ]);
    expect(capture.text()).not.toContain(token);
    expect(capture.text()).not.toContain(SECRET);
    expect(capture.text()).not.toContain(REFRESH_TOKEN);
  });
});
