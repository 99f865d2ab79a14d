import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework connector service: the bot posts its replies to
 * `${serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`; this server records them.
 */

export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export interface Connector {
  serviceUrl: string;
  activities: SentActivity[];
  /** Resolves when `count` activities have arrived in the conversation (default: any). */
  waitFor(count: number, conversationId?: string, timeoutMs?: number): Promise<SentActivity[]>;
  clear(): void;
  close(): Promise<void>;
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : (JSON.parse(text) as Record<string, unknown>));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

export async function startConnector(): Promise<Connector> {
  const activities: SentActivity[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer(async (request, response) => {
    const path = request.url ?? '';
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
    const body = await readJson(request);
    if (match) {
      activities.push({
        method: request.method ?? 'POST',
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        body,
      });
      for (const wake of waiters) wake();
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ id: randomUUID() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const matching = (conversationId?: string) =>
    activities.filter(
      (activity) => conversationId === undefined || activity.conversationId === conversationId,
    );

  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    activities,
    waitFor(count, conversationId, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = matching(conversationId);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} activities, got ${matching(conversationId).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear() {
      activities.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
