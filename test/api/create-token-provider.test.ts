import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTokenProvider } from '../../src/api/create-token-provider';
import { MsalTokenProvider } from '../../src/api/msal-token-provider';
import { noTokenProvider } from '../../src/api/token-provider';
import { ConfigError } from '../../src/config';
import { fakeTokenEndpoint } from './support/fake-token-endpoint';

const credentials = {
  clientId: '0e3c1d24-1111-4222-8333-444455556666',
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientSecret: 'client-secret-value',
  refreshToken: 'refresh-token-value',
};

describe('createTokenProvider', () => {
  it.each(['http://127.0.0.1:5000', 'http://localhost:5000', 'http://[::1]:5000'])(
    'sends no token to a loopback simulator without credentials (%s)',
    async (baseUrl) => {
      const provider = createTokenProvider({}, baseUrl);
      expect(provider).toBe(noTokenProvider);
      expect(await provider.getToken('app+user')).toBeUndefined();
    },
  );

  it('refuses a real Partner Center without credentials, saying what to set', () => {
    expect(() => createTokenProvider({}, 'https://api.partnercenter.microsoft.com')).toThrow(ConfigError);
    expect(() => createTokenProvider({}, 'https://api.partnercenter.microsoft.com')).toThrow(
      /credentials are required/,
    );
  });

  it('uses MSAL when credentials are set, even for a loopback URL', async () => {
    const endpoint = fakeTokenEndpoint();
    const provider = createTokenProvider(credentials, 'http://127.0.0.1:5000', { networkClient: endpoint });
    expect(provider).toBeInstanceOf(MsalTokenProvider);
    await provider.getToken('app');
    expect(endpoint.tokenRequests[0].form.get('client_secret')).toBe('client-secret-value');
  });

  it('reads a certificate private key from its file', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'pc-cert-'));
    const keyPath = path.join(directory, 'key.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    try {
      const endpoint = fakeTokenEndpoint();
      const { clientSecret: _secret, ...withoutSecret } = credentials;
      const provider = createTokenProvider(
        {
          ...withoutSecret,
          certificate: { thumbprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', path: keyPath },
        },
        'https://api.partnercenter.microsoft.com',
        { networkClient: endpoint },
      );
      await provider.getToken('app');
      expect(endpoint.tokenRequests[0].form.get('client_assertion')).toEqual(expect.any(String));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('goes to the configured authority host', async () => {
    const endpoint = fakeTokenEndpoint();
    const provider = createTokenProvider(
      { ...credentials, authorityHost: 'https://login.partner.example' },
      'https://api.partnercenter.microsoft.com',
      {
        networkClient: endpoint,
      },
    );
    await provider.getToken('app');
    expect(new URL(endpoint.tokenRequests[0].url).host).toBe('login.partner.example');
  });

  it.each([
    ['no tenant id', { ...credentials, tenantId: undefined }, /tenant id is missing/],
    ['no client id', { ...credentials, clientId: undefined }, /client id is missing/],
    [
      'a client id alone',
      { clientId: credentials.clientId, tenantId: credentials.tenantId },
      /either a client secret or a certificate/,
    ],
    [
      'both a secret and a certificate',
      { ...credentials, certificate: { thumbprint: 'AB', privateKey: 'x' } },
      /either a client secret or a certificate/,
    ],
  ])('reports incomplete credentials (%s) as a configuration error', (_label, settings, message) => {
    expect(() => createTokenProvider(settings, 'https://api.partnercenter.microsoft.com')).toThrow(
      ConfigError,
    );
    expect(() => createTokenProvider(settings, 'https://api.partnercenter.microsoft.com')).toThrow(message);
  });

  it('never puts a secret in a configuration error', () => {
    try {
      createTokenProvider({ ...credentials, tenantId: undefined }, 'https://api.partnercenter.microsoft.com');
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/client-secret-value|refresh-token-value/);
      return;
    }
    throw new Error('expected a configuration error');
  });
});
