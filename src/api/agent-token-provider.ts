import { ConfidentialClientApplication, type Configuration, type INetworkModule } from '@azure/msal-node';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { readAccessToken } from './access-token';
import type { AgentIdentity } from './agent-identity';
import {
  type ClientCredential,
  DEFAULT_AUTHORITY_HOST,
  msalCredential,
  PARTNER_CENTER_USER_SCOPE,
} from './msal-token-provider';
import type { CallContext } from './partner-center';
import { scrubSecrets } from './partner-center-error';
import type { TokenKind, TokenProvider } from './token-provider';

/**
 * Partner Center tokens that act as the agent who asked (identity mode `agent`): the agent's Teams SSO
 * token is exchanged on-behalf-of (MSAL `acquireTokenOnBehalfOf`) for https://api.partnercenter.microsoft.com
 * /user_impersonation. One token per agent is kept in memory until 5 minutes before it expires (never
 * persisted, never logged); concurrent calls for one agent share one exchange.
 *
 * - An App+User operation needs the agent's token, and that token must carry MFA (`amr` holds `mfa`):
 *   otherwise AUTH_SIGN_IN_REQUIRED (no SSO token, or Entra refused it) or AUTH_MFA_REQUIRED.
 * - An operation App-only tokens may do uses the agent's token when the agent has one with MFA (so
 *   Partner Center sees the agent), else the App-only token (`appTokens`).
 * - A call made for no agent (a background job) uses `backgroundTokens` for App+User operations when
 *   configured (the Secure Application Model's service account), and the App-only token otherwise.
 */

const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** Entra answers that mean the SSO token cannot be used: the agent must sign in again. */
const SIGN_IN_AGAIN = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'login_required',
]);

export interface AgentTokenProviderOptions {
  /** The app registration the agents' SSO tokens are issued to (the bot's, exposing access_as_user). */
  clientId: string;
  /** The partner's tenant. */
  tenantId: string;
  credential: ClientCredential;
  /** App-only tokens; `noTokenProvider` against the loopback simulator. */
  appTokens: TokenProvider;
  /** App+User tokens for calls made for no agent (background jobs); none: such calls fail. */
  backgroundTokens?: TokenProvider;
  authorityHost?: string;
  /** MSAL `system.networkClient` (tests: an offline token endpoint, or the simulator's). */
  networkClient?: INetworkModule;
  logger?: Logger;
  now?: () => number;
}

interface AgentToken {
  token: string;
  expiresAt: number;
  mfa: boolean;
  userPrincipalName?: string;
}

/** What `doctor` may show about an agent's token: never the token. */
export interface AgentTokenStatus {
  signedIn: boolean;
  mfa?: boolean;
  expiresAt?: string;
  userPrincipalName?: string;
}

export class AgentTokenProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly now: () => number;
  private readonly secrets: string[];
  private readonly tokens = new Map<string, AgentToken>();
  private readonly pending = new Map<string, Promise<AgentToken | undefined>>();

  constructor(private readonly options: AgentTokenProviderOptions) {
    this.now = options.now ?? Date.now;
    const { credential } = options;
    this.secrets = [
      'clientSecret' in credential ? credential.clientSecret : credential.certificate.privateKey,
    ];
    const configuration: Configuration = {
      auth: {
        clientId: options.clientId,
        authority: `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '')}/${options.tenantId}`,
        ...msalCredential(credential),
      },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
    };
    this.app = new ConfidentialClientApplication(configuration);
  }

  async getToken(kind: TokenKind, ctx?: CallContext): Promise<string | undefined> {
    const agent = ctx?.agent;
    if (!agent) {
      if (kind === 'app+user' && this.options.backgroundTokens) {
        return this.options.backgroundTokens.getToken(kind, ctx);
      }
      if (kind === 'app+user') {
        throw new AppError('AUTH_SIGN_IN_REQUIRED', 'An App+User call was made for no agent in agent mode', {
          tokenKind: kind,
        });
      }
      return this.options.appTokens.getToken('app', ctx);
    }
    const token = await this.agentToken(agent, ctx);
    if (kind === 'app') return token?.mfa ? token.token : this.options.appTokens.getToken('app', ctx);
    if (!token) {
      throw new AppError('AUTH_SIGN_IN_REQUIRED', 'The agent has not signed in', {
        agentId: agent.aadObjectId,
      });
    }
    if (!token.mfa) {
      throw new AppError('AUTH_MFA_REQUIRED', 'The agent’s Partner Center token carries no MFA claim', {
        agentId: agent.aadObjectId,
      });
    }
    return token.token;
  }

  /** What is known about an agent's token, without acquiring one. */
  status(aadObjectId: string): AgentTokenStatus {
    const token = this.current(aadObjectId.toLowerCase());
    if (!token) return { signedIn: false };
    return {
      signedIn: true,
      mfa: token.mfa,
      expiresAt: new Date(token.expiresAt).toISOString(),
      userPrincipalName: token.userPrincipalName,
    };
  }

  /** Drops an agent's token (sign-out, or a refused token). */
  forget(aadObjectId: string): void {
    this.tokens.delete(aadObjectId.toLowerCase());
  }

  /** How many agents have a token in memory now. */
  cachedAgents(): number {
    return [...this.tokens.keys()].filter((key) => this.current(key) !== undefined).length;
  }

  private current(key: string): AgentToken | undefined {
    const token = this.tokens.get(key);
    return token && this.now() < token.expiresAt - RENEW_BEFORE_EXPIRY_MS ? token : undefined;
  }

  private async agentToken(
    agent: AgentIdentity,
    ctx: CallContext | undefined,
  ): Promise<AgentToken | undefined> {
    const key = agent.aadObjectId.toLowerCase();
    const cached = this.current(key);
    if (cached) return cached;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.exchange(agent, key, ctx?.correlationId).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async exchange(
    agent: AgentIdentity,
    key: string,
    correlationId: string | undefined,
  ): Promise<AgentToken | undefined> {
    const assertion = await agent.ssoToken();
    if (!assertion) return undefined;
    let accessToken: string | undefined;
    let expiresOn: Date | null | undefined;
    try {
      const result = await this.app.acquireTokenOnBehalfOf({
        oboAssertion: assertion,
        scopes: [PARTNER_CENTER_USER_SCOPE],
        // Our own cache (per agent) decides when to renew.
        skipCache: true,
        ...(correlationId ? { correlationId } : {}),
      });
      accessToken = result?.accessToken;
      expiresOn = result?.expiresOn;
    } catch (error) {
      throw this.failure(agent, error, [assertion]);
    }
    if (!accessToken) throw this.failure(agent, undefined, [assertion]);
    const facts = readAccessToken(accessToken);
    const token: AgentToken = {
      token: accessToken,
      expiresAt: expiresOn?.getTime() ?? facts.expiresAt ?? this.now(),
      mfa: facts.mfa,
      userPrincipalName: facts.userPrincipalName,
    };
    this.tokens.set(key, token);
    this.options.logger?.info(
      { agentId: agent.aadObjectId, mfa: token.mfa, expiresAt: new Date(token.expiresAt).toISOString() },
      'partner center token acquired on behalf of the agent',
    );
    return token;
  }

  /** Entra refused the SSO token: sign in again; anything else: PC_UNAUTHENTICATED. Scrubbed of secrets. */
  private failure(agent: AgentIdentity, error: unknown, assertions: string[]): AppError {
    const errorCode = (error as { errorCode?: unknown } | undefined)?.errorCode;
    const code = typeof errorCode === 'string' ? errorCode : 'no_token';
    const firstLine =
      error instanceof Error ? error.message.split(/\r?\n/)[0] : 'the token endpoint returned no token';
    const message =
      scrubSecrets(`Could not get a Partner Center token on behalf of the agent: ${firstLine}`, [
        ...this.secrets,
        ...assertions,
      ]) ?? '';
    const catalogCode = SIGN_IN_AGAIN.has(code) ? 'AUTH_SIGN_IN_REQUIRED' : 'PC_UNAUTHENTICATED';
    return new AppError(catalogCode, message, { agentId: agent.aadObjectId, errorCode: code });
  }
}
