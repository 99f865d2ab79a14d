import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework's token service, on loopback: RSA keys of the test's own, published as
 * OpenID metadata and a JWKS (the channel's keys endorsed for `msteams`; the emulator's document lists other
 * keys), and tokens minted like the ones the channel sends, or subtly not.
 */

export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

function jwk(key: SigningKey, endorsements: string[]) {
  const { n, e } = key.publicKey.export({ format: 'jwk' });
  return { kty: 'RSA', use: 'sig', kid: key.kid, n, e, endorsements };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenOptions {
  /** Claims to add or replace (`undefined` removes one). */
  claims?: Record<string, unknown>;
  /** Sign with a key the metadata does not publish, under the published key's id. */
  foreignKey?: boolean;
  /** `none`: no signature at all. */
  algorithm?: 'RS256' | 'none';
}

export interface ChannelIdentity {
  /** Base URL of the metadata server; documents under /channel and /emulator. */
  url: string;
  /** Settings for AppDependencies.botAuthentication: every endpoint on this loopback server. */
  botAuthentication: Record<string, string | boolean>;
  /** A bearer token for `appId` and `serviceUrl`, valid for five minutes unless the options say otherwise. */
  token(appId: string, serviceUrl: string, options?: TokenOptions): string;
  close(): Promise<void>;
}

export async function startChannelIdentity(): Promise<ChannelIdentity> {
  const channelKey = newKey();
  const emulatorKey = newKey();
  const foreignKey = newKey();
  let origin = '';
  const documents: Partial<Record<string, () => unknown>> = {
    '/channel/.well-known/openidconfiguration': () => ({
      issuer: CHANNEL_ISSUER,
      jwks_uri: `${origin}/channel/keys`,
    }),
    '/channel/keys': () => ({ keys: [jwk(channelKey, ['msteams'])] }),
    '/emulator/.well-known/openid-configuration': () => ({
      issuer: EMULATOR_ISSUER,
      jwks_uri: `${origin}/emulator/keys`,
    }),
    '/emulator/keys': () => ({ keys: [jwk(emulatorKey, [])] }),
  };
  const server: Server = createServer((request, response) => {
    const document = documents[request.url ?? ''];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    response.end(document ? JSON.stringify(document()) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    botAuthentication: {
      ToBotFromChannelOpenIdMetadataUrl: `${origin}/channel/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${origin}/emulator/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      // Nothing here may leave the machine: the bot's own token requests would go to this server too.
      ToChannelFromBotLoginUrl: `${origin}/login`,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      OAuthUrl: `${origin}/oauth`,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: false,
    },
    token(appId, serviceUrl, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        iss: CHANNEL_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 10,
        iat: now - 10,
        exp: now + 300,
        ...options.claims,
      };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      const algorithm = options.algorithm ?? 'RS256';
      const signedPart = `${base64url({ alg: algorithm, typ: 'JWT', kid: channelKey.kid })}.${base64url(claims)}`;
      if (algorithm === 'none') return `${signedPart}.`;
      const signer = createSign('RSA-SHA256').update(signedPart);
      const signature = signer.sign((options.foreignKey ? foreignKey : channelKey).privateKey, 'base64url');
      return `${signedPart}.${signature}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
