import { errorCodeOf } from '../errors';
import { readAccessToken } from './access-token';
import type { AgentTokenProvider, AgentTokenStatus } from './agent-token-provider';
import type { PartnerIdentityMode } from './identity-mode';
import type { TokenKind, TokenProvider } from './token-provider';

/**
 * The health of the bot's Partner Center identity, for /readyz and the `doctor` command: whether each
 * token the mode uses can be obtained now and, for App+User tokens, whether it carries MFA. Tokens are
 * asked of the provider (so its cache answers when it can) and never returned or logged.
 */

export type TokenState =
  /** Obtained; `mfa` tells App+User tokens apart. */
  | { state: 'ok'; mfa?: boolean; expiresAt?: string }
  /** The loopback simulator needs no token. */
  | { state: 'none-needed' }
  /** This mode does not use this kind of token. */
  | { state: 'not-used' }
  | { state: 'failing'; code: string };

export interface IdentityReport {
  mode: PartnerIdentityMode;
  appOnly: TokenState;
  /** The service account (service-account mode; agent mode's background work when configured). */
  serviceAccount: TokenState;
  /** In agent mode: how many agents have a Partner Center token in memory. */
  agentsWithToken?: number;
  /** In agent mode: the asking agent's own token, when asked for one. */
  you?: AgentTokenStatus;
}

async function tokenState(tokens: TokenProvider, kind: TokenKind): Promise<TokenState> {
  try {
    const token = await tokens.getToken(kind, { correlationId: 'identity-health' });
    if (token === undefined) return { state: 'none-needed' };
    const facts = readAccessToken(token);
    return {
      state: 'ok',
      ...(kind === 'app+user' ? { mfa: facts.mfa } : {}),
      ...(facts.expiresAt ? { expiresAt: new Date(facts.expiresAt).toISOString() } : {}),
    };
  } catch (error) {
    return { state: 'failing', code: errorCodeOf(error) };
  }
}

export interface IdentityHealthSource {
  mode: PartnerIdentityMode;
  tokens: TokenProvider;
  /** agent mode: per-agent tokens. */
  agents?: AgentTokenProvider;
  /** agent mode: the service account used for background work, if configured. */
  backgroundTokens?: TokenProvider;
}

export async function identityReport(
  source: IdentityHealthSource,
  askingAgentId?: string,
): Promise<IdentityReport> {
  const { mode, tokens, agents } = source;
  const appOnly = await tokenState(tokens, 'app');
  let serviceAccount: TokenState = { state: 'not-used' };
  if (mode === 'service-account') serviceAccount = await tokenState(tokens, 'app+user');
  if (mode === 'agent' && source.backgroundTokens)
    serviceAccount = await tokenState(source.backgroundTokens, 'app+user');
  return {
    mode,
    appOnly,
    serviceAccount,
    ...(agents ? { agentsWithToken: agents.cachedAgents() } : {}),
    ...(agents && askingAgentId ? { you: agents.status(askingAgentId) } : {}),
  };
}

/** Ready when every token the mode needs can be had, App+User ones with MFA. */
export function isHealthy(report: IdentityReport): boolean {
  const usable = (token: TokenState) =>
    token.state !== 'failing' && !(token.state === 'ok' && token.mfa === false);
  return usable(report.appOnly) && usable(report.serviceAccount);
}

/** The report as /readyz shows it: states and MFA, no token, no user name. */
export function readinessSummary(report: IdentityReport): Record<string, unknown> {
  const state = (token: TokenState) => (token.state === 'failing' ? `failing: ${token.code}` : token.state);
  return {
    mode: report.mode,
    appOnly: state(report.appOnly),
    serviceAccount: state(report.serviceAccount),
    ...(report.serviceAccount.state === 'ok' ? { serviceAccountMfa: report.serviceAccount.mfa } : {}),
    ...(report.agentsWithToken === undefined ? {} : { agentsWithToken: report.agentsWithToken }),
  };
}
