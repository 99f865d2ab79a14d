import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageCard } from '../../src/cards';
import { messageActivity } from '../support/activities';
import { startTestBot, type TestBot } from '../support/test-bot';

/**
 * The adapter's outgoing traffic over real HTTP: a connector that refuses with 429 (Teams' throttling) and
 * one that records when each activity arrived, to see sends retried once and paced per conversation.
 */

interface Arrival {
  at: number;
  conversationId: string;
  status: number;
}

async function startRefusingConnector(
  refusals: number,
): Promise<{ url: string; arrivals: Arrival[]; close(): Promise<void> }> {
  const arrivals: Arrival[] = [];
  let refused = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const conversationId = decodeURIComponent(
        /\/v3\/conversations\/([^/]+)/.exec(request.url ?? '')?.[1] ?? '',
      );
      const status = refused < refusals ? 429 : 200;
      if (status === 429) refused += 1;
      arrivals.push({ at: Date.now(), conversationId, status });
      response.writeHead(status, {
        'content-type': 'application/json',
        ...(status === 429 && { 'retry-after': '1' }),
      });
      response.end(
        JSON.stringify(status === 429 ? { error: { code: 'throttled' } } : { id: `sent-${arrivals.length}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

describe('the paced adapter', () => {
  it('sends a reply Teams throttled once more after its Retry-After, and only once successfully', async () => {
    const connector = await startRefusingConnector(1);
    try {
      const started = Date.now();
      const response = await bot.post(
        messageActivity('help', { serviceUrl: connector.url, conversationId: 'throttled' }),
      );
      expect(response.status).toBe(200);
      expect(connector.arrivals.map((arrival) => arrival.status)).toEqual([429, 200]);
      const [refused, accepted] = connector.arrivals;
      expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await connector.close();
    }
  });

  it('spreads a burst of proactive cards to one conversation over time, 7 per second at most', async () => {
    const connector = await startRefusingConnector(0);
    try {
      const reference = {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: 'burst', conversationType: 'channel' },
        bot: { id: 'bot-id', name: 'Partner Helpdesk Bot' },
      };
      const card = messageCard({ style: 'info', title: 'Provisioning finished' });
      await Promise.all(Array.from({ length: 10 }, () => bot.app.proactive.sendCard(reference, card)));
      expect(connector.arrivals).toHaveLength(10);
      const first = connector.arrivals[0]?.at ?? 0;
      const withinFirstSecond = connector.arrivals.filter((arrival) => arrival.at - first < 1000);
      expect(withinFirstSecond).toHaveLength(7);
      expect((connector.arrivals[9]?.at ?? 0) - first).toBeGreaterThanOrEqual(950);
    } finally {
      await connector.close();
    }
  });
});
