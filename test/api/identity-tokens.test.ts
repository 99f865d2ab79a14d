import { AgentTokenProvider } from '../../src/api/agent-token-provider';
import { appOnly, createIdentityTokens, requireMfa } from '../../src/api/identity-tokens';
import type { TokenProvider } from '../../src/api/token-provider';
import { ConfigError } from '../../src/config';
import type { AppError } from '../../src/errors';
import { fakeTokenEndpoint, PARTNER_CENTER_AUDIENCE, unsignedJwt } from './support/fake-token-endpoint';

const credentials = {
  clientId: '0e3c1d24-1111-4222-8333-444455556666',
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientSecret: 'client-secret-value',
};
const userToken = (amr?: string[]) =>
  unsignedJwt({ aud: PARTNER_CENTER_AUDIENCE, scp: 'user_impersonation', oid: 'x', ...(amr ? { amr } : {}) });
const fixed = (token: string | undefined): TokenProvider => ({ getToken: async () => token });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
}

describe('MFA on App+User tokens (Partner Center refuses others since April 2026)', () => {
  it('passes a token whose amr holds mfa, and App-only tokens', async () => {
    const token = userToken(['pwd', 'mfa']);
    expect(await requireMfa(fixed(token)).getToken('app+user')).toBe(token);
    expect(await requireMfa(fixed('opaque-app-token')).getToken('app')).toBe('opaque-app-token');
  });

  it('refuses an App+User token without mfa with a clear AppError before any call', async () => {
    expect(await codeOf(requireMfa(fixed(userToken(['pwd']))).getToken('app+user'))).toBe(
      'AUTH_MFA_REQUIRED',
    );
    expect(await codeOf(requireMfa(fixed(userToken())).getToken('app+user'))).toBe('AUTH_MFA_REQUIRED');
  });

  it('lets the tokenless simulator through', async () => {
    expect(await requireMfa(fixed(undefined)).getToken('app+user')).toBeUndefined();
  });
});

describe('app-only identity', () => {
  it('reads with App-only tokens and refuses App+User operations', async () => {
    expect(await appOnly(fixed('app-token')).getToken('app')).toBe('app-token');
    const refused = await codeOf(appOnly(fixed('app-token')).getToken('app+user'));
    expect(refused).toBe('AUTH_READ_ONLY');
  });
});

describe('createIdentityTokens', () => {
  const simulator = 'http://127.0.0.1:4010';

  it('in service-account mode redeems the refresh token and checks MFA', async () => {
    const endpoint = fakeTokenEndpoint();
    const { tokens, agents } = createIdentityTokens(
      'service-account',
      { ...credentials, refreshToken: 'service-account-refresh' },
      simulator,
      { networkClient: endpoint },
    );
    expect(agents).toBeUndefined();
    await tokens.getToken('app+user');
    expect(endpoint.tokenRequests[0]?.form.get('grant_type')).toBe('refresh_token');
  });

  it('in app-only mode never asks for an App+User token', async () => {
    const endpoint = fakeTokenEndpoint();
    const { tokens } = createIdentityTokens(
      'app-only',
      { ...credentials, refreshToken: 'ignored' },
      simulator,
      {
        networkClient: endpoint,
      },
    );
    expect(await codeOf(tokens.getToken('app+user'))).toBe('AUTH_READ_ONLY');
    await tokens.getToken('app');
    expect(endpoint.tokenRequests.map((request) => request.form.get('grant_type'))).toEqual([
      'client_credentials',
    ]);
  });

  it('in agent mode builds the on-behalf-of provider, and needs the app registration the agents sign in to', () => {
    const { tokens, agents } = createIdentityTokens('agent', credentials, simulator);
    expect(agents).toBeInstanceOf(AgentTokenProvider);
    expect(tokens).toBe(agents);
    expect(() => createIdentityTokens('agent', {}, simulator)).toThrow(ConfigError);
    expect(() => createIdentityTokens('agent', {}, simulator)).toThrow(/on-behalf-of/);
  });

  it('keeps the simulator without credentials working in service-account mode', async () => {
    const { tokens } = createIdentityTokens('service-account', {}, simulator);
    expect(await tokens.getToken('app+user')).toBeUndefined();
  });
});
