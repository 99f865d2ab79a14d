import { readFileSync } from 'node:fs';
import type { INetworkModule } from '@azure/msal-node';
import { ConfigError, isLoopbackUrl } from '../config';
import type { Logger } from '../log';
import { type ClientCredential, MsalTokenProvider } from './msal-token-provider';
import { noTokenProvider, type TokenProvider } from './token-provider';

export interface TokenProviderSettings {
  clientId?: string;
  clientSecret?: string;
  /** A PEM private key, given inline or as a file path (as in the configuration), with its thumbprint. */
  certificate?: { thumbprint: string; privateKey: string } | { thumbprint: string; path: string };
  tenantId?: string;
  refreshToken?: string;
  authorityHost?: string;
}

export interface TokenProviderFactoryOptions {
  logger?: Logger;
  networkClient?: INetworkModule;
  now?: () => number;
}

/** The client secret, or the certificate (read from its file when given as a path); undefined when neither. */
export function credentialFrom(settings: TokenProviderSettings): ClientCredential | undefined {
  if (settings.clientSecret) return { clientSecret: settings.clientSecret };
  const certificate = settings.certificate;
  if (!certificate) return undefined;
  const privateKey =
    'privateKey' in certificate ? certificate.privateKey : readFileSync(certificate.path, 'utf8');
  return { certificate: { thumbprint: certificate.thumbprint, privateKey } };
}

/**
 * The token provider for the configured Partner Center: none for a loopback simulator without
 * credentials; MSAL otherwise. A real Partner Center without credentials is a configuration error.
 */
export function createTokenProvider(
  settings: TokenProviderSettings,
  baseUrl: string,
  options: TokenProviderFactoryOptions = {},
): TokenProvider {
  const hasAnyCredential = Boolean(settings.clientId || settings.clientSecret || settings.certificate);
  if (!hasAnyCredential) {
    if (isLoopbackUrl(baseUrl)) return noTokenProvider;
    throw new ConfigError([
      `Partner Center credentials are required for ${baseUrl}: set a client id, tenant id, a client secret or certificate, and the refresh token (only a loopback simulator URL may be used without them)`,
    ]);
  }
  const { clientId, tenantId } = settings;
  const credential = credentialFrom(settings);
  const bothCredentials = Boolean(settings.clientSecret && settings.certificate);
  if (!clientId || !tenantId || !credential || bothCredentials) {
    throw new ConfigError(
      [
        clientId ? undefined : 'Partner Center client id is missing',
        tenantId ? undefined : 'Partner Center tenant id is missing',
        credential && !bothCredentials
          ? undefined
          : 'Partner Center needs either a client secret or a certificate, not both or neither',
      ].filter((problem): problem is string => problem !== undefined),
    );
  }
  return new MsalTokenProvider({
    clientId,
    tenantId,
    credential,
    refreshToken: settings.refreshToken,
    authorityHost: settings.authorityHost,
    networkClient: options.networkClient,
    logger: options.logger,
    now: options.now,
  });
}
