import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework token service behind an Azure Bot's OAuth connection, as the
 * bot's UserTokenClient calls it: `GET /api/usertoken/GetToken` (404 without a token; a magic `code`
 * completes a pending sign-in), `POST /api/usertoken/exchange` (Teams SSO), `GET
 * /api/botsignin/GetSignInResource`, `DELETE /api/usertoken/SignOut`. It keeps one Teams token per
 * (user, connection) and records every call without the token values.
 */

export interface TokenServiceCall {
  method: string;
  path: string;
  userId?: string;
  connectionName?: string;
}

export interface TokenService {
  url: string;
  calls: TokenServiceCall[];
  /** The agent is signed in: the service answers this Teams token for them. */
  signIn(userId: string, connectionName: string, token: string): void;
  /** The next GetToken with this code (after the sign-in page) signs the user in with `token`. */
  expectMagicCode(userId: string, code: string, token: string): void;
  /** Exchanges of these tokens fail (consent needed, expired): the service answers 400. */
  refuseExchangeOf(token: string): void;
  isSignedIn(userId: string, connectionName: string): boolean;
  close(): Promise<void>;
}

export const SIGN_IN_LINK = 'https://token.botframework.example/signin?state=test';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startTokenService(exchangeUri: string): Promise<TokenService> {
  const tokens = new Map<string, string>();
  const codes = new Map<string, { code: string; token: string }>();
  const refused = new Set<string>();
  const calls: TokenServiceCall[] = [];
  const key = (userId: string, connectionName: string) => `${userId}\n${connectionName}`;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const userId = url.searchParams.get('userId') ?? undefined;
    const connectionName = url.searchParams.get('connectionName') ?? undefined;
    calls.push({ method: request.method ?? 'GET', path: url.pathname, userId, connectionName });
    const body = await readBody(request);
    const send = (status: number, json?: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(json === undefined ? '' : JSON.stringify(json));
    };
    const path = url.pathname.toLowerCase();

    if (path === '/api/usertoken/gettoken' && userId && connectionName) {
      const code = url.searchParams.get('code');
      const pending = codes.get(userId);
      if (code && pending && pending.code === code) {
        tokens.set(key(userId, connectionName), pending.token);
        codes.delete(userId);
      }
      const token = tokens.get(key(userId, connectionName));
      if (!token) return send(404);
      return send(200, { connectionName, token, expiration: new Date(Date.now() + 3_600_000).toISOString() });
    }
    if (path === '/api/usertoken/exchange' && userId && connectionName) {
      const token = (JSON.parse(body || '{}') as { token?: string }).token;
      if (!token || refused.has(token)) {
        return send(400, { error: { code: 'ServiceError', message: 'Token exchange failed' } });
      }
      tokens.set(key(userId, connectionName), token);
      return send(200, { connectionName, token, expiration: new Date(Date.now() + 3_600_000).toISOString() });
    }
    if (path === '/api/botsignin/getsigninresource') {
      return send(200, {
        signInLink: SIGN_IN_LINK,
        tokenExchangeResource: {
          id: 'exchange-resource-id',
          uri: exchangeUri,
          providerId: 'AAD v2 provider',
        },
      });
    }
    if (path === '/api/usertoken/signout' && userId) {
      for (const stored of [...tokens.keys()]) if (stored.startsWith(`${userId}\n`)) tokens.delete(stored);
      return send(200, {});
    }
    send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    signIn: (userId, connectionName, token) => tokens.set(key(userId, connectionName), token),
    expectMagicCode: (userId, code, token) => codes.set(userId, { code, token }),
    refuseExchangeOf: (token) => refused.add(token),
    isSignedIn: (userId, connectionName) => tokens.has(key(userId, connectionName)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
