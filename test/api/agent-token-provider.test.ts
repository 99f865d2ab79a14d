import type { AgentIdentity } from '../../src/api/agent-identity';
import { AgentTokenProvider, type AgentTokenProviderOptions } from '../../src/api/agent-token-provider';
import { PARTNER_CENTER_USER_SCOPE } from '../../src/api/msal-token-provider';
import type { CallContext } from '../../src/api/partner-center';
import type { TokenProvider } from '../../src/api/token-provider';
import { AppError } from '../../src/errors';
import {
  decodeJwtClaims,
  type FakeTokenEndpoint,
  fakeTokenEndpoint,
  issueToken,
  PARTNER_CENTER_AUDIENCE,
  type TokenReply,
  unsignedJwt,
} from './support/fake-token-endpoint';
import { capturingLogger } from './support/mock-partner-center';

/**
 * The on-behalf-of exchange of an agent's Teams token, offline: MSAL talks to a fake identity platform
 * through its injected network client.
 */

const CLIENT_ID = '0e3c1d24-1111-4222-8333-444455556666';
const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = 'bot-client-secret-~42';
const AGENT = '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32';
const OTHER_AGENT = '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21';
const OBO = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

let endpoint: FakeTokenEndpoint;
let now: number;
const appOnlyToken = 'app-only-token';
const appTokens: TokenProvider = { getToken: async () => appOnlyToken };

function teamsToken(oid: string): string {
  return unsignedJwt({
    aud: `api://botid-${CLIENT_ID}`,
    oid,
    exp: Math.floor(now / 1000) + 3600,
    scp: 'access_as_user',
  });
}

/** The platform's on-behalf-of answer: a Partner Center token for the assertion's user, with or without MFA. */
function oboAnswer(form: URLSearchParams, options: { mfa?: boolean; expiresIn?: number } = {}): TokenReply {
  if (form.get('grant_type') !== OBO) return issueToken(form);
  const assertion = decodeJwtClaims(form.get('assertion') ?? '');
  const seconds = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 3600;
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: PARTNER_CENTER_USER_SCOPE,
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: unsignedJwt({
        aud: PARTNER_CENTER_AUDIENCE,
        exp: seconds + expiresIn,
        oid: assertion.oid,
        upn: 'megan@contoso.onmicrosoft.com',
        scp: 'user_impersonation',
        amr: options.mfa === false ? ['pwd'] : ['pwd', 'mfa'],
      }),
    },
  };
}

function agent(oid: string, sso: () => Promise<string | undefined> = async () => teamsToken(oid)) {
  const asked = { count: 0 };
  const identity: AgentIdentity = {
    aadObjectId: oid,
    name: 'Megan Bowen',
    ssoToken: async () => {
      asked.count += 1;
      return sso();
    },
  };
  return { identity, asked };
}

function provider(overrides: Partial<AgentTokenProviderOptions> = {}): AgentTokenProvider {
  return new AgentTokenProvider({
    clientId: CLIENT_ID,
    tenantId: TENANT_ID,
    credential: { clientSecret: SECRET },
    appTokens,
    networkClient: endpoint,
    now: () => now,
    ...overrides,
  });
}

const ctx = (identity?: AgentIdentity): CallContext => ({ correlationId: 'turn-1', agent: identity });

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
  endpoint.answerWith((form) => oboAnswer(form));
  now = Date.now();
});

describe('on-behalf-of tokens for the agent who asked', () => {
  it('exchange the agent’s Teams token for a Partner Center user_impersonation token as that agent', async () => {
    const { identity } = agent(AGENT);
    const token = await provider().getToken('app+user', ctx(identity));
    const [{ form }] = endpoint.tokenRequests;
    expect(form.get('grant_type')).toBe(OBO);
    expect(form.get('requested_token_use')).toBe('on_behalf_of');
    expect(form.get('assertion')).toBe(teamsToken(AGENT));
    expect(form.get('scope')?.split(' ')).toContain(PARTNER_CENTER_USER_SCOPE);
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(decodeJwtClaims(token ?? '')).toMatchObject({ oid: AGENT, amr: ['pwd', 'mfa'] });
  });

  it('keep one token per agent until 5 minutes before it expires, sharing one exchange between concurrent calls', async () => {
    const megan = agent(AGENT);
    const alex = agent(OTHER_AGENT);
    const tokens = provider();
    const first = await Promise.all(
      Array.from({ length: 4 }, () => tokens.getToken('app+user', ctx(megan.identity))),
    );
    expect(new Set(first).size).toBe(1);
    expect(await tokens.getToken('app+user', ctx(megan.identity))).toBe(first[0]);
    const other = await tokens.getToken('app+user', ctx(alex.identity));
    expect(decodeJwtClaims(other ?? '').oid).toBe(OTHER_AGENT);
    expect(endpoint.tokenRequests).toHaveLength(2);
    expect(megan.asked.count).toBe(1);

    now += (3600 - 5 * 60 + 1) * 1000;
    await tokens.getToken('app+user', ctx(megan.identity));
    expect(endpoint.tokenRequests).toHaveLength(3);
    expect(megan.asked.count).toBe(2);
  });

  it('ask the agent to sign in when there is no Teams token, without calling the platform', async () => {
    const { identity } = agent(AGENT, async () => undefined);
    const error = await failure(provider().getToken('app+user', ctx(identity)));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('AUTH_SIGN_IN_REQUIRED');
    expect(endpoint.tokenRequests).toHaveLength(0);
  });

  it('ask the agent to sign in again when the platform refuses an expired or invalid Teams token, with no secret in the error', async () => {
    const { identity } = agent(AGENT);
    const assertion = teamsToken(AGENT);
    endpoint.answerWith(() => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `AADSTS500133: Assertion is not within its valid time range. ${assertion} ${SECRET}`,
        error_codes: [500133],
      },
    }));
    const { logger, text } = capturingLogger();
    const error = await failure(provider({ logger }).getToken('app+user', ctx(identity)));
    expect(error.code).toBe('AUTH_SIGN_IN_REQUIRED');
    expect(error.details).toMatchObject({ agentId: AGENT, errorCode: 'invalid_grant' });
    const everything = `${error.message} ${JSON.stringify(error.details)} ${error.stack} ${text()}`;
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(assertion);
  });

  it('fail as PC_UNAUTHENTICATED when the bot’s own credentials are refused', async () => {
    endpoint.answerWith(() => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
    }));
    const error = await failure(provider().getToken('app+user', ctx(agent(AGENT).identity)));
    expect(error.code).toBe('PC_UNAUTHENTICATED');
  });

  it('refuse an App+User operation when the agent’s token carries no MFA claim, and say so', async () => {
    endpoint.answerWith((form) => oboAnswer(form, { mfa: false }));
    const tokens = provider();
    const error = await failure(tokens.getToken('app+user', ctx(agent(AGENT).identity)));
    expect(error.code).toBe('AUTH_MFA_REQUIRED');
    expect(tokens.status(AGENT)).toMatchObject({ signedIn: true, mfa: false });
  });

  it('never log the tokens', async () => {
    const { logger, text } = capturingLogger();
    const { identity } = agent(AGENT);
    const token = await provider({ logger }).getToken('app+user', ctx(identity));
    expect(text()).toContain('on behalf of the agent');
    expect(text()).not.toContain(token);
    expect(text()).not.toContain(teamsToken(AGENT));
  });
});

describe('operations App-only tokens may do', () => {
  it('use the agent’s token when the agent has one with MFA, so Partner Center sees the agent', async () => {
    const token = await provider().getToken('app', ctx(agent(AGENT).identity));
    expect(decodeJwtClaims(token ?? '').oid).toBe(AGENT);
  });

  it('fall back to the App-only token for an agent who has not signed in, or whose token lacks MFA', async () => {
    expect(await provider().getToken('app', ctx(agent(AGENT, async () => undefined).identity))).toBe(
      appOnlyToken,
    );
    endpoint.answerWith((form) => oboAnswer(form, { mfa: false }));
    expect(await provider().getToken('app', ctx(agent(AGENT).identity))).toBe(appOnlyToken);
  });
});

describe('calls made for no agent (background jobs)', () => {
  it('use the App-only token, and the service account for App+User operations when one is configured', async () => {
    const background: TokenProvider = { getToken: async () => 'service-account-token' };
    expect(await provider().getToken('app', ctx())).toBe(appOnlyToken);
    expect(await provider({ backgroundTokens: background }).getToken('app+user', ctx())).toBe(
      'service-account-token',
    );
    const error = await failure(provider().getToken('app+user', ctx()));
    expect(error.code).toBe('AUTH_SIGN_IN_REQUIRED');
  });
});

describe('token status for doctor', () => {
  it('tells signed-in agents with MFA and expiry apart, and forgets an agent on sign-out', async () => {
    const tokens = provider();
    expect(tokens.status(AGENT)).toEqual({ signedIn: false });
    await tokens.getToken('app+user', ctx(agent(AGENT).identity));
    expect(tokens.status(AGENT.toUpperCase())).toEqual({
      signedIn: true,
      mfa: true,
      expiresAt: expect.any(String),
      userPrincipalName: 'megan@contoso.onmicrosoft.com',
    });
    expect(tokens.cachedAgents()).toBe(1);
    tokens.forget(AGENT);
    expect(tokens.status(AGENT)).toEqual({ signedIn: false });
    expect(tokens.cachedAgents()).toBe(0);
  });
});
