import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Bot Framework connector for the benchmark: accepts what the bot sends outside the HTTP answer
 * (proactive card updates after a deferred card action) and only counts it.
 */

export interface ConnectorSink {
  serviceUrl: string;
  /** Activities sent (POST) and updated (PUT) so far. */
  received(): { sent: number; updated: number };
  /** Resolves when `updated` reaches `count`, or after `timeoutMs`. */
  waitForUpdates(count: number, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function startConnectorSink(): Promise<ConnectorSink> {
  let sent = 0;
  let updated = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'PUT') updated += 1;
      else sent += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    received: () => ({ sent, updated }),
    async waitForUpdates(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (updated < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return updated;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
