import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { scrubSecrets } from '../api/partner-center-error';
import { AppError } from '../errors';
import type { Logger } from '../log';

/**
 * App-only tokens for Microsoft Graph: MSAL client credentials, scope https://graph.microsoft.com/.default
 * (the app needs the GroupMember.Read.All application permission). Cached until 5 minutes before expiry;
 * concurrent callers share one token request. Tokens and the secret never reach logs or error messages.
 */

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

/** Where Graph calls get their bearer token; undefined sends none (the local simulator). */
export interface GraphTokenSource {
  getToken(): Promise<string | undefined>;
}

export const noGraphToken: GraphTokenSource = Object.freeze({ getToken: async () => undefined });

export interface GraphTokenProviderOptions {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  authorityHost?: string;
  /** MSAL `system.networkClient` (tests play the token endpoint with it). */
  networkClient?: INetworkModule;
  logger?: Logger;
  now?: () => number;
}

export class GraphTokenProvider implements GraphTokenSource {
  private readonly app: ConfidentialClientApplication;
  private readonly now: () => number;
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: GraphTokenProviderOptions) {
    this.now = options.now ?? Date.now;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '')}/${options.tenantId}`,
      },
      system: options.networkClient ? { networkClient: options.networkClient } : {},
    });
  }

  async getToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt - RENEW_BEFORE_EXPIRY_MS) return this.cached.token;
    this.pending ??= this.acquire().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async acquire(): Promise<string> {
    try {
      // Our own cache decides when to renew, so MSAL must not answer from its cache.
      const result = await this.app.acquireTokenByClientCredential({
        scopes: [GRAPH_SCOPE],
        skipCache: true,
      });
      if (!result?.accessToken) throw new Error('the token endpoint returned no token');
      const expiresAt = result.expiresOn?.getTime() ?? this.now();
      this.cached = { token: result.accessToken, expiresAt };
      this.options.logger?.info({ expiresAt: new Date(expiresAt).toISOString() }, 'graph token acquired');
      return result.accessToken;
    } catch (error) {
      const errorCode = (error as { errorCode?: unknown }).errorCode;
      const firstLine = error instanceof Error ? error.message.split(/\r?\n/)[0] : 'no token';
      throw new AppError(
        'GROUPS_UNAVAILABLE',
        scrubSecrets(`Could not get a Microsoft Graph token: ${firstLine}`, [this.options.clientSecret]) ??
          '',
        { errorCode: typeof errorCode === 'string' ? errorCode : 'no_token' },
      );
    }
  }
}
