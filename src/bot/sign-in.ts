import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { AgentIdentity } from '../api/agent-identity';
import type { AgentTokenProvider } from '../api/agent-token-provider';
import type { Permission } from '../auth/roles';
import { errorCodeOf } from '../errors';
import type { Logger } from '../log';
import { textFor } from './replies';
import { type TurnInfo, turnInfo } from './turn-info';

/**
 * Teams single sign-on for identity mode `agent`: the agent's Teams token comes from the Azure Bot's OAuth
 * connection (Bot Framework token service), and the bot exchanges it on-behalf-of for Partner Center.
 *
 * - A command that needs App+User from an agent who has not signed in is kept server-side (conversation
 *   state, per user) and answered with an OAuth card carrying the SSO `tokenExchangeResource`. Teams then
 *   sends `signin/tokenExchange` (silent SSO) or, after a sign-in page, `signin/verifyState` with a magic
 *   code; once the token service holds the agent's token the kept command runs, without retyping.
 * - A card button (Universal Action) gets the `loginRequest` invoke response (status 401); Teams signs the
 *   agent in and sends the same action again with `authentication.token` (or `state`), which is exchanged
 *   before the action runs. A failed exchange answers 412 as the Universal Actions SSO contract asks.
 * Tokens are never logged or stored by the bot: the token service keeps the Teams token, the agent token
 * provider keeps the Partner Center token in memory.
 */

/** Operations of these permissions call Partner Center's App+User-only routes (users, service requests). */
const appUserPermissions: ReadonlySet<Permission> = new Set<Permission>([
  'user.read',
  'user.resetPassword',
  'user.restore',
  'ticket.read',
  'ticket.write',
]);

export interface PendingCommand {
  text: string;
  /** ISO time it was kept. */
  at: string;
}

/** Kept commands by Bot Framework user id (`from.id`); a group chat holds several agents' commands. */
export type PendingCommands = Record<string, PendingCommand>;

/** The Bot Framework token service calls the bot makes (botframework-connector's UserTokenClient). */
interface TokenService {
  getUserToken(
    userId: string,
    connectionName: string,
    channelId: string,
    magicCode?: string,
  ): Promise<{ token?: string } | undefined>;
  getSignInResource(
    connectionName: string,
    activity: Activity,
    finalRedirect?: string,
  ): Promise<{
    signInLink?: string;
    tokenExchangeResource?: { id?: string; uri?: string; providerId?: string };
  }>;
  exchangeToken(
    userId: string,
    connectionName: string,
    channelId: string,
    request: { token?: string; uri?: string },
  ): Promise<{ token?: string } | undefined>;
  signOutUser(userId: string, connectionName: string, channelId: string): Promise<void>;
}

export interface SignInFlowOptions {
  connectionName: string;
  agentTokens: AgentTokenProvider;
  pending: StatePropertyAccessor<PendingCommands>;
  logger: Logger;
  /** A kept command older than this is dropped instead of run (default 15 minutes). */
  pendingTtlMs?: number;
  now?: () => number;
}

export type SignInInvokeResult = { response: InvokeResponse; resume?: string };

const DEFAULT_PENDING_TTL_MS = 15 * 60_000;
const SIGN_IN_INVOKES = new Set(['signin/tokenExchange', 'signin/verifyState']);

export function isSignInInvoke(context: TurnContext): boolean {
  return context.activity.type === 'invoke' && SIGN_IN_INVOKES.has(context.activity.name ?? '');
}

export class SignInFlow {
  private readonly now: () => number;

  constructor(private readonly options: SignInFlowOptions) {
    this.now = options.now ?? Date.now;
  }

  get connectionName(): string {
    return this.options.connectionName;
  }

  /** Whether the permission's operations need the agent's own (App+User) token. */
  needsAgentToken(permission: Permission): boolean {
    return appUserPermissions.has(permission);
  }

  /**
   * The agent asking in this turn; their SSO token is asked of the token service when first needed, once per
   * turn (an agent who has not signed in costs one token-service call a turn, not one per Partner Center call).
   */
  agentOf(context: TurnContext): AgentIdentity | undefined {
    const from = context.activity.from;
    if (!from?.aadObjectId) return undefined;
    let asked: Promise<string | undefined> | undefined;
    const ask = async () => {
      const service = this.tokenService(context);
      if (!service || !from.id) return undefined;
      const answer = await service.getUserToken(from.id, this.connectionName, context.activity.channelId);
      return answer?.token || undefined;
    };
    return {
      aadObjectId: from.aadObjectId,
      name: from.name,
      ssoToken: () => {
        asked ??= ask();
        return asked;
      },
    };
  }

  /**
   * True when the agent has a Partner Center token (cached, or exchanged now from their SSO token);
   * false when they must sign in. Other failures (no MFA, refused credentials) are thrown.
   */
  async hasAgentToken(info: TurnInfo): Promise<boolean> {
    if (!info.agent) return false;
    try {
      await this.options.agentTokens.getToken('app+user', {
        correlationId: info.correlationId,
        agent: info.agent,
      });
      return true;
    } catch (error) {
      if (errorCodeOf(error) === 'AUTH_SIGN_IN_REQUIRED') return false;
      throw error;
    }
  }

  /** Keeps the command for after the sign-in and sends the OAuth card (SSO first, a sign-in button else). */
  async promptForCommand(context: TurnContext, info: TurnInfo, text: string): Promise<void> {
    const userId = context.activity.from?.id;
    if (userId) {
      const pending = await this.options.pending.get(context, {});
      await this.options.pending.set(context, {
        ...pending,
        [userId]: { text, at: new Date(this.now()).toISOString() },
      });
    }
    const strings = textFor(info);
    const resource = await this.signInResource(context);
    const card = CardFactory.oauthCard(
      this.connectionName,
      strings.t('signIn.button'),
      strings.t('signIn.text'),
      resource?.signInLink,
      resource?.tokenExchangeResource,
    );
    await context.sendActivity(MessageFactory.attachment(card));
    this.options.logger.info({ correlationId: info.correlationId }, 'sign-in requested; command kept');
  }

  /** The Universal Actions answer that makes Teams sign the agent in and send the action again. */
  async loginRequest(context: TurnContext, info: TurnInfo): Promise<AdaptiveCardInvokeResponse> {
    const strings = textFor(info);
    const resource = await this.signInResource(context);
    return {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: strings.t('signIn.title'),
        connectionName: this.connectionName,
        ...(resource?.tokenExchangeResource ? { tokenExchangeResource: resource.tokenExchangeResource } : {}),
        buttons: [
          {
            title: strings.t('signIn.button'),
            text: strings.t('signIn.button'),
            type: 'signin',
            value: resource?.signInLink,
          },
        ],
      },
    };
  }

  /**
   * A card action sent again after a login request carries the SSO token (`authentication`) or a magic code
   * (`state`): hand it to the token service first. Undefined when there is nothing to accept or it was
   * accepted; else the 412 answer Teams expects.
   */
  async acceptCardAuthentication(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse | undefined> {
    const token = invoke.authentication?.token;
    const state = (invoke as { state?: unknown }).state;
    if (!token && typeof state !== 'string') return undefined;
    const accepted = token
      ? await this.exchange(context, token)
      : await this.verify(context, state as string);
    if (accepted) return undefined;
    return {
      statusCode: 412,
      type: 'application/vnd.microsoft.error.preconditionFailed',
      value: { code: '412', message: 'authentication token could not be exchanged' },
    };
  }

  /** `signin/tokenExchange` and `signin/verifyState`: accept the token, and hand back the kept command. */
  async completeSignIn(context: TurnContext): Promise<SignInInvokeResult> {
    const value = (context.activity.value ?? {}) as {
      id?: string;
      connectionName?: string;
      token?: string;
      state?: string;
    };
    if (context.activity.name === 'signin/tokenExchange') {
      if (!value.token || !(await this.exchange(context, value.token))) {
        return {
          response: {
            status: 412,
            body: {
              id: value.id,
              connectionName: this.connectionName,
              failureDetail: 'The token could not be exchanged.',
            },
          },
        };
      }
    } else if (!value.state || !(await this.verify(context, value.state))) {
      return { response: { status: 404 } };
    }
    return { response: { status: 200 }, resume: await this.takePending(context) };
  }

  /** Says the sign-in worked when there was no kept command to run. */
  async confirmSignedIn(context: TurnContext): Promise<void> {
    await context.sendActivity(MessageFactory.text(textFor(turnInfo(context)).t('signIn.done')));
  }

  /** Forgets the agent's tokens here and at the token service. */
  async signOut(context: TurnContext): Promise<void> {
    const from = context.activity.from;
    if (from?.aadObjectId) this.options.agentTokens.forget(from.aadObjectId);
    const service = this.tokenService(context);
    if (service && from?.id)
      await service.signOutUser(from.id, this.connectionName, context.activity.channelId);
  }

  private async takePending(context: TurnContext): Promise<string | undefined> {
    const userId = context.activity.from?.id;
    if (!userId) return undefined;
    const pending = await this.options.pending.get(context, {});
    const kept = pending[userId];
    if (!kept) return undefined;
    const { [userId]: _, ...others } = pending;
    await this.options.pending.set(context, others);
    const age = this.now() - Date.parse(kept.at);
    return age <= (this.options.pendingTtlMs ?? DEFAULT_PENDING_TTL_MS) ? kept.text : undefined;
  }

  private async exchange(context: TurnContext, token: string): Promise<boolean> {
    const service = this.tokenService(context);
    const userId = context.activity.from?.id;
    if (!service || !userId) return false;
    try {
      const answer = await service.exchangeToken(userId, this.connectionName, context.activity.channelId, {
        token,
      });
      return Boolean(answer?.token);
    } catch (error) {
      this.options.logger.warn(
        { code: errorCodeOf(error), status: statusOf(error) },
        'SSO token exchange refused',
      );
      return false;
    }
  }

  private async verify(context: TurnContext, magicCode: string): Promise<boolean> {
    const service = this.tokenService(context);
    const userId = context.activity.from?.id;
    if (!service || !userId) return false;
    try {
      const answer = await service.getUserToken(
        userId,
        this.connectionName,
        context.activity.channelId,
        magicCode,
      );
      return Boolean(answer?.token);
    } catch (error) {
      this.options.logger.warn({ status: statusOf(error) }, 'sign-in code refused');
      return false;
    }
  }

  private async signInResource(context: TurnContext) {
    const service = this.tokenService(context);
    if (!service) return undefined;
    try {
      return await service.getSignInResource(this.connectionName, context.activity as Activity);
    } catch (error) {
      this.options.logger.warn({ status: statusOf(error) }, 'sign-in resource unavailable');
      return undefined;
    }
  }

  private tokenService(context: TurnContext): TokenService | undefined {
    const key = (context.adapter as { UserTokenClientKey?: symbol }).UserTokenClientKey;
    return key ? (context.turnState.get(key) as TokenService | undefined) : undefined;
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

const LOGIN_REQUEST = 'application/vnd.microsoft.activity.loginRequest';

interface LoginRequestValue {
  text?: string;
  connectionName: string;
  tokenExchangeResource?: { id?: string; uri?: string; providerId?: string };
  buttons?: { title?: string; value?: string }[];
}

/**
 * A login request can only be the answer to the invoke that asked for it. One that comes after the invoke was
 * already acknowledged (src/bot/invoke-deadline.ts) becomes a message with the same sign-in as an OAuth card;
 * undefined for any other answer.
 */
export function lateSignInMessage(response: AdaptiveCardInvokeResponse): Partial<Activity> | undefined {
  if (response.type !== LOGIN_REQUEST) return undefined;
  const value = response.value as unknown as LoginRequestValue;
  const button = value.buttons?.[0];
  return MessageFactory.attachment(
    CardFactory.oauthCard(
      value.connectionName,
      button?.title ?? '',
      value.text,
      button?.value,
      value.tokenExchangeResource,
    ),
  );
}
