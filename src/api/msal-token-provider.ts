import {
  type AuthenticationResult,
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
} from '@azure/msal-node';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { CallContext } from './partner-center';
import { scrubSecrets } from './partner-center-error';
import type { TokenKind, TokenProvider } from './token-provider';

/**
 * Partner Center tokens through MSAL (reference §2.2):
 * - 'app': client credentials, scope https://api.partnercenter.microsoft.com/.default;
 * - 'app+user': the Secure Application Model: the refresh token of the partner's MFA-enabled service
 *   account, redeemed for https://api.partnercenter.microsoft.com/user_impersonation.
 * Each kind is cached until 5 minutes before it expires, and concurrent requests share one token call.
 * Tokens and credentials never reach logs or error messages.
 */

export const PARTNER_CENTER_APP_SCOPE = 'https://api.partnercenter.microsoft.com/.default';
export const PARTNER_CENTER_USER_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

export type ClientCredential =
  | { clientSecret: string }
  | { certificate: { thumbprint: string; privateKey: string } };

export interface MsalTokenProviderOptions {
  clientId: string;
  /** The partner's tenant. */
  tenantId: string;
  credential: ClientCredential;
  /** Refresh token of the partner service account (Secure Application Model); needed for 'app+user'. */
  refreshToken?: string;
  authorityHost?: string;
  /** MSAL `system.networkClient` (tests play the token endpoint with it). */
  networkClient?: INetworkModule;
  /** Passed to MSAL so it does not fetch authority metadata (sovereign clouds, offline tests). */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  knownAuthorities?: string[];
  logger?: Logger;
  now?: () => number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** SHA-1 thumbprints are 40 hex digits, SHA-256 ones 64. */
function certificateOption(certificate: { thumbprint: string; privateKey: string }) {
  const thumbprint = certificate.thumbprint.replace(/[\s:]/g, '');
  return thumbprint.length === 64
    ? { thumbprintSha256: thumbprint, privateKey: certificate.privateKey }
    : { thumbprint, privateKey: certificate.privateKey };
}

/** The credential part of MSAL's `auth` configuration: a client secret or a certificate. */
export function msalCredential(credential: ClientCredential) {
  return 'clientSecret' in credential
    ? { clientSecret: credential.clientSecret }
    : { clientCertificate: certificateOption(credential.certificate) };
}

export class MsalTokenProvider implements TokenProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly now: () => number;
  private readonly secrets: string[];
  private readonly cache = new Map<TokenKind, CachedToken>();
  private readonly pending = new Map<TokenKind, Promise<string>>();

  constructor(private readonly options: MsalTokenProviderOptions) {
    this.now = options.now ?? Date.now;
    const credential = options.credential;
    this.secrets = [
      'clientSecret' in credential ? credential.clientSecret : credential.certificate.privateKey,
      options.refreshToken ?? '',
    ].filter((secret) => secret !== '');
    const configuration: Configuration = {
      auth: {
        clientId: options.clientId,
        authority: `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '')}/${options.tenantId}`,
        ...msalCredential(credential),
        ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
        ...(options.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata } : {}),
        ...(options.knownAuthorities ? { knownAuthorities: options.knownAuthorities } : {}),
      },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
    };
    this.app = new ConfidentialClientApplication(configuration);
  }

  async getToken(kind: TokenKind, ctx?: CallContext): Promise<string> {
    const cached = this.cache.get(kind);
    if (cached && this.now() < cached.expiresAt - RENEW_BEFORE_EXPIRY_MS) return cached.token;
    let pending = this.pending.get(kind);
    if (!pending) {
      pending = this.acquire(kind, ctx).finally(() => this.pending.delete(kind));
      this.pending.set(kind, pending);
    }
    return pending;
  }

  private async acquire(kind: TokenKind, ctx: CallContext | undefined): Promise<string> {
    let result: AuthenticationResult | null;
    try {
      result = await this.request(kind, ctx?.correlationId);
    } catch (error) {
      throw this.failure(kind, error);
    }
    if (!result?.accessToken) throw this.failure(kind, undefined);
    const expiresAt = result.expiresOn?.getTime() ?? this.now();
    this.cache.set(kind, { token: result.accessToken, expiresAt });
    this.options.logger?.info(
      { tokenKind: kind, expiresAt: new Date(expiresAt).toISOString() },
      'partner center token acquired',
    );
    return result.accessToken;
  }

  private request(kind: TokenKind, correlationId: string | undefined): Promise<AuthenticationResult | null> {
    const correlation = correlationId ? { correlationId } : {};
    if (kind === 'app') {
      // Our own cache decides when to renew, so MSAL must not answer from its cache.
      return this.app.acquireTokenByClientCredential({
        scopes: [PARTNER_CENTER_APP_SCOPE],
        skipCache: true,
        ...correlation,
      });
    }
    if (!this.options.refreshToken) {
      throw new AppError(
        'PC_UNAUTHENTICATED',
        'No refresh token is configured for App+User calls (Secure Application Model)',
      );
    }
    return this.app.acquireTokenByRefreshToken({
      refreshToken: this.options.refreshToken,
      scopes: [PARTNER_CENTER_USER_SCOPE],
      ...correlation,
    });
  }

  /** PC_UNAUTHENTICATED with MSAL's error code and first line, scrubbed of every credential. */
  private failure(kind: TokenKind, error: unknown): AppError {
    if (error instanceof AppError) return error;
    const errorCode = (error as { errorCode?: unknown } | undefined)?.errorCode;
    const code = typeof errorCode === 'string' ? errorCode : 'no_token';
    const firstLine =
      error instanceof Error ? error.message.split(/\r?\n/)[0] : 'the token endpoint returned no token';
    const message =
      scrubSecrets(`Could not get a Partner Center ${kind} token: ${firstLine}`, this.secrets) ?? '';
    return new AppError('PC_UNAUTHENTICATED', message, { tokenKind: kind, errorCode: code });
  }
}
