import {
  type Activity,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type TurnContext,
  TurnContext as TurnContextClass,
} from 'botbuilder';
import { AgentTokenProvider } from '../../src/api/agent-token-provider';
import { lateSignInMessage, type PendingCommands, SignInFlow } from '../../src/bot/sign-in';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/log';
import { users } from '../support/activities';

/**
 * The sign-in flow against a token service double in the turn state, as CloudAdapter puts botbuilder's
 * UserTokenClient there (the HTTP integration runs in dev mode, where botbuilder cannot build sign-in links).
 */

const CONNECTION = 'partner-center-sso';
const SIGN_IN_LINK = 'https://token.botframework.com/api/oauth/signin?signin=abc';
const RESOURCE = {
  id: 'resource-id',
  uri: 'api://botid-0e3c1d24-1111-4222-8333-444455556666',
  providerId: 'aad',
};

/** TestAdapter with the CloudAdapter's user token client key. */
class TokenServiceAdapter extends TestAdapter {
  readonly UserTokenClientKey = Symbol('UserTokenClient');
}

function tokenServiceDouble() {
  const tokens = new Map<string, string>();
  return {
    tokens,
    exchanged: [] as string[],
    async getUserToken(userId: string, _connection: string, _channel: string, code?: string) {
      if (code === '123456') tokens.set(userId, 'token-after-code');
      const token = tokens.get(userId);
      return token ? { token } : undefined;
    },
    async getSignInResource() {
      return { signInLink: SIGN_IN_LINK, tokenExchangeResource: RESOURCE };
    },
    async exchangeToken(userId: string, _connection: string, _channel: string, request: { token?: string }) {
      this.exchanged.push(request.token ?? '');
      if (request.token === 'refused') throw Object.assign(new Error('exchange failed'), { statusCode: 400 });
      tokens.set(userId, request.token ?? '');
      return { token: request.token };
    },
    async signOutUser(userId: string) {
      tokens.delete(userId);
    },
  };
}

const user = users.megan;
let now = Date.parse('2026-05-04T09:00:00Z');
let adapter: TokenServiceAdapter;
let service: ReturnType<typeof tokenServiceDouble>;
let state: ConversationState;
let flow: SignInFlow;

function context(activity: Partial<Activity>): TurnContext {
  const turn = new TurnContextClass(adapter, {
    channelId: 'msteams',
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: 'bot', name: 'bot' },
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    locale: 'en-US',
    ...activity,
  } as Activity);
  turn.turnState.set(adapter.UserTokenClientKey, service);
  return turn;
}

beforeEach(() => {
  adapter = new TokenServiceAdapter();
  service = tokenServiceDouble();
  state = new ConversationState(new MemoryStorage());
  flow = new SignInFlow({
    connectionName: CONNECTION,
    agentTokens: new AgentTokenProvider({
      clientId: '0e3c1d24-1111-4222-8333-444455556666',
      tenantId: '11111111-2222-3333-4444-555555555555',
      credential: { clientSecret: 'unused' },
      appTokens: { getToken: async () => undefined },
    }),
    pending: state.createProperty<PendingCommands>('pendingSignIn'),
    logger: silentLogger(),
    now: () => now,
  });
});

async function prompt(text: string) {
  const turn = context({ type: 'message', text });
  await flow.promptForCommand(
    turn,
    { correlationId: 'c1', locale: 'en-US', caller: { channelId: 'msteams' } },
    text,
  );
  await state.saveChanges(turn);
  return adapter.activeQueue.at(-1);
}

async function signInInvoke(name: string, value: Record<string, unknown>) {
  const turn = context({ type: 'invoke', name, value });
  const result = await flow.completeSignIn(turn);
  await state.saveChanges(turn);
  return result;
}

describe('the sign-in flow', () => {
  it('sends an OAuth card with the sign-in link and the token exchange resource Teams uses for SSO', async () => {
    const sent = await prompt('users contoso');
    expect(sent?.attachments?.[0]).toEqual({
      contentType: 'application/vnd.microsoft.card.oauth',
      content: {
        buttons: [{ type: 'signin', title: 'Sign in', value: SIGN_IN_LINK, channelData: undefined }],
        connectionName: CONNECTION,
        tokenExchangeResource: RESOURCE,
        tokenPostResource: undefined,
        text: expect.stringMatching(/acts as you/),
      },
    });
  });

  it('hands back the kept command once the SSO token is exchanged, and only once', async () => {
    await prompt('users contoso');
    const first = await signInInvoke('signin/tokenExchange', {
      id: 'x',
      connectionName: CONNECTION,
      token: 'sso',
    });
    expect(first).toEqual({ response: { status: 200 }, resume: 'users contoso' });
    expect(service.exchanged).toEqual(['sso']);
    const again = await signInInvoke('signin/tokenExchange', {
      id: 'x',
      connectionName: CONNECTION,
      token: 'sso',
    });
    expect(again.resume).toBeUndefined();
  });

  it('answers 412 with the failure detail when the token service cannot exchange the token', async () => {
    await prompt('users contoso');
    const result = await signInInvoke('signin/tokenExchange', {
      id: 'x',
      connectionName: CONNECTION,
      token: 'refused',
    });
    expect(result).toEqual({
      response: {
        status: 412,
        body: { id: 'x', connectionName: CONNECTION, failureDetail: 'The token could not be exchanged.' },
      },
    });
  });

  it('completes a sign-in through the page with the magic code (signin/verifyState)', async () => {
    await prompt('deleted users contoso');
    expect(await signInInvoke('signin/verifyState', { state: '000000' })).toEqual({
      response: { status: 404 },
    });
    expect(await signInInvoke('signin/verifyState', { state: '123456' })).toEqual({
      response: { status: 200 },
      resume: 'deleted users contoso',
    });
  });

  it('drops a command kept longer than 15 minutes', async () => {
    await prompt('users contoso');
    now += 15 * 60_000 + 1;
    const result = await signInInvoke('signin/tokenExchange', {
      id: 'x',
      connectionName: CONNECTION,
      token: 'sso',
    });
    expect(result).toEqual({ response: { status: 200 }, resume: undefined });
  });

  it('turns a login request that comes too late for its invoke into the same sign-in as an OAuth card message', async () => {
    const turn = context({ type: 'invoke', name: 'adaptiveCard/action' });
    const info = { correlationId: 'c3', locale: 'fr-FR', caller: { channelId: 'msteams' } };
    const message = lateSignInMessage(await flow.loginRequest(turn, info));
    expect(message?.attachments?.[0]).toEqual({
      contentType: 'application/vnd.microsoft.card.oauth',
      content: {
        buttons: [
          {
            type: 'signin',
            title: strings('fr-FR').t('signIn.button'),
            value: SIGN_IN_LINK,
            channelData: undefined,
          },
        ],
        connectionName: CONNECTION,
        tokenExchangeResource: RESOURCE,
        tokenPostResource: undefined,
        text: strings('fr-FR').t('signIn.title'),
      },
    });
    expect(
      lateSignInMessage({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'x',
      } as never),
    ).toBeUndefined();
  });

  it('answers a Universal Action with the login request, and accepts the token or code Teams sends with it again', async () => {
    const turn = context({ type: 'invoke', name: 'adaptiveCard/action' });
    const info = { correlationId: 'c2', locale: 'en-US', caller: { channelId: 'msteams' } };
    expect(await flow.loginRequest(turn, info)).toEqual({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: 'Sign in to Partner Center',
        connectionName: CONNECTION,
        tokenExchangeResource: RESOURCE,
        buttons: [{ title: 'Sign in', text: 'Sign in', type: 'signin', value: SIGN_IN_LINK }],
      },
    });
    const action = { type: 'Action.Execute', verb: 'customer.users', data: {} };
    const withToken = {
      action,
      authentication: { id: 'a', connectionName: CONNECTION, token: 'sso' },
    } as never;
    expect(await flow.acceptCardAuthentication(turn, withToken)).toBeUndefined();
    const refused = {
      action,
      authentication: { id: 'a', connectionName: CONNECTION, token: 'refused' },
    } as never;
    expect(await flow.acceptCardAuthentication(turn, refused)).toMatchObject({
      statusCode: 412,
      type: 'application/vnd.microsoft.error.preconditionFailed',
    });
    const withCode = { action, state: '123456' } as never;
    expect(await flow.acceptCardAuthentication(turn, withCode)).toBeUndefined();
    expect(await flow.acceptCardAuthentication(turn, { action } as never)).toBeUndefined();
  });

  it('reads the agent’s SSO token from the token service once a turn, and signs them out there', async () => {
    const turn = context({ type: 'message', text: 'signout' });
    const agent = flow.agentOf(turn);
    expect(agent?.aadObjectId).toBe(user.aadObjectId);
    expect(await agent?.ssoToken()).toBeUndefined();
    service.tokens.set(user.id, 'sso-token');
    expect(await agent?.ssoToken()).toBeUndefined();
    expect(await flow.agentOf(turn)?.ssoToken()).toBe('sso-token');
    await flow.signOut(turn);
    expect(service.tokens.has(user.id)).toBe(false);
  });

  it('asks for the agent’s own token only for user and service-request operations', () => {
    expect(
      ['user.read', 'user.resetPassword', 'user.restore', 'ticket.read', 'ticket.write'].every((permission) =>
        flow.needsAgentToken(permission as never),
      ),
    ).toBe(true);
    expect(
      ['customer.read', 'subscription.read', 'audit.read', 'suspension.request'].some((permission) =>
        flow.needsAgentToken(permission as never),
      ),
    ).toBe(false);
  });
});
