import type { INetworkModule } from '@azure/msal-node';
import { ConfigError } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { readAccessToken } from './access-token';
import { AgentTokenProvider } from './agent-token-provider';
import { createTokenProvider, credentialFrom, type TokenProviderSettings } from './create-token-provider';
import type { PartnerIdentityMode } from './identity-mode';
import type { TokenKind, TokenProvider } from './token-provider';

/** App+User tokens must carry MFA (Partner Center refuses others since April 2026): say so before calling. */
export function requireMfa(provider: TokenProvider): TokenProvider {
  return {
    async getToken(kind, ctx) {
      const token = await provider.getToken(kind, ctx);
      if (kind === 'app+user' && token !== undefined && !readAccessToken(token).mfa) {
        throw new AppError(
          'AUTH_MFA_REQUIRED',
          'The service account’s Partner Center token carries no MFA claim',
          {
            tokenKind: kind,
          },
        );
      }
      return token;
    },
  };
}

/** Reads only: App+User operations are refused before any call. */
export function appOnly(provider: TokenProvider): TokenProvider {
  return {
    async getToken(kind: TokenKind, ctx) {
      if (kind === 'app+user') {
        throw new AppError('AUTH_READ_ONLY', 'App+User operation refused in app-only identity mode', {
          tokenKind: kind,
        });
      }
      return provider.getToken(kind, ctx);
    },
  };
}

export interface IdentityTokens {
  mode: PartnerIdentityMode;
  /** What the Partner Center client uses. */
  tokens: TokenProvider;
  /** In `agent` mode: per-agent token state (sign-out, `doctor`). */
  agents?: AgentTokenProvider;
  /** In `agent` mode: the service account for calls made for no agent, when a refresh token is configured. */
  backgroundTokens?: TokenProvider;
}

export interface IdentityTokenOptions {
  logger?: Logger;
  networkClient?: INetworkModule;
  now?: () => number;
}

/** The token provider for the configured identity mode; configuration problems throw ConfigError. */
export function createIdentityTokens(
  mode: PartnerIdentityMode,
  settings: TokenProviderSettings,
  baseUrl: string,
  options: IdentityTokenOptions = {},
): IdentityTokens {
  if (mode === 'service-account') {
    return { mode, tokens: requireMfa(createTokenProvider(settings, baseUrl, options)) };
  }
  if (mode === 'app-only') {
    return {
      mode,
      tokens: appOnly(createTokenProvider({ ...settings, refreshToken: undefined }, baseUrl, options)),
    };
  }
  const { clientId, tenantId } = settings;
  const credential = credentialFrom(settings);
  if (!clientId || !tenantId || !credential) {
    throw new ConfigError([
      'PARTNER_CENTER_CLIENT_ID: identity mode agent needs the app registration the agents sign in to (client id, tenant id, and a client secret or certificate), for the on-behalf-of exchange',
    ]);
  }
  const appTokens = createTokenProvider({ ...settings, refreshToken: undefined }, baseUrl, options);
  const backgroundTokens = settings.refreshToken
    ? requireMfa(createTokenProvider(settings, baseUrl, options))
    : undefined;
  const agents = new AgentTokenProvider({
    clientId,
    tenantId,
    credential,
    appTokens,
    backgroundTokens,
    authorityHost: settings.authorityHost,
    networkClient: options.networkClient,
    logger: options.logger,
    now: options.now,
  });
  return { mode, tokens: agents, agents, backgroundTokens };
}
