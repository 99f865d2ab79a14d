import type { CallContext } from './partner-center';

/**
 * Access tokens for Partner Center (reference §2.2). 'app' is an App-only token (client credentials);
 * 'app+user' is an App+User token of the partner's MFA-enabled service account (Secure Application Model).
 */
export type TokenKind = 'app' | 'app+user';

export interface TokenProvider {
  /** The bearer token to send, or undefined to send none (local simulator). Never log the result. */
  getToken(kind: TokenKind, ctx?: CallContext): Promise<string | undefined>;
}

/** Sends no Authorization header: for the local simulator only (`auth: 'off'`). */
export const noTokenProvider: TokenProvider = Object.freeze({
  getToken: async () => undefined,
});
