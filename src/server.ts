import type { AddressInfo } from 'node:net';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify from 'restify';
import { EarlyAnswer } from './bot/early-answer';
import type { Logger } from './log';

/**
 * Transport only: restify, the Bot Framework endpoint and the health routes.
 * Handlers never see HTTP; the adapter turns requests into turns.
 */

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** Facts shown under `name` in the /readyz answer after the check ran (never a secret). */
  describe?(): Record<string, unknown> | undefined;
}

export interface ServerDependencies {
  adapter: CloudAdapter;
  runTurn(context: TurnContext): Promise<void>;
  readinessChecks: readonly ReadinessCheck[];
  logger: Logger;
  /** How long one readiness check may take before it counts as failed. */
  readinessTimeoutMs?: number;
  /**
   * A message turn still running after this long gets its HTTP 200 now and sends its replies when done,
   * so the channel never waits into its 15-second timeout. Default 5 s.
   */
  messageAnswerMs?: number;
}

export interface HelpdeskServer {
  server: restify.Server;
  /** Requests being served right now, and turns still running after their request was answered (SIGTERM waits for them). */
  inFlight(): number;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, waits for in-flight requests (up to graceMs), then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

const MAX_ACTIVITY_BYTES = 1024 * 1024;
const DEFAULT_MESSAGE_ANSWER_MS = 5000;

/**
 * PostgreSQL cannot store U+0000 in text or JSON: a NUL in an activity (Teams never sends one) would make the
 * audit row or the conversation state unwritable. It becomes U+FFFD as the body is parsed.
 */
export function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

/** A message whose replies go through the connector: its HTTP answer carries nothing, so it may come early. */
function answersEmpty(body: unknown): boolean {
  const activity = body as { type?: unknown; deliveryMode?: unknown } | undefined;
  return activity?.type === 'message' && activity.deliveryMode !== 'expectReplies';
}

export function createServer(deps: ServerDependencies): HelpdeskServer {
  const server = restify.createServer({ name: 'partner-helpdesk-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let answeredTurnsRunning = 0;
  let closing = false;

  server.pre((_req, res, next) => {
    if (closing) {
      res.setHeader('Connection', 'close');
      res.send(503, { status: 'shutting down' });
      return next(false);
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    return next();
  });
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_ACTIVITY_BYTES,
      mapParams: false,
      rejectUnknown: false,
      reviver: withoutNul,
    }),
  );

  server.post('/api/messages', async (req, res) => {
    const answer = new EarlyAnswer(res, () => {
      answeredTurnsRunning += 1;
    });
    const timer = answersEmpty(req.body)
      ? setTimeout(() => answer.answer(200), deps.messageAnswerMs ?? DEFAULT_MESSAGE_ANSWER_MS)
      : undefined;
    try {
      await deps.adapter.process(req, answer.response, (context) => {
        answer.attach(context);
        return deps.runTurn(context);
      });
    } finally {
      clearTimeout(timer);
      if (answer.answeredEarly) answeredTurnsRunning -= 1;
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
  });

  server.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.readinessChecks.map(async ({ name, check, describe }) => {
        try {
          await withTimeout(check(), deps.readinessTimeoutMs ?? 3000);
          return { name, ok: true, details: describe?.() };
        } catch (error) {
          deps.logger.warn({ check: name, err: error }, 'readiness check failed');
          return { name, ok: false, details: describe?.() };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results.map((result) => [result.name, result.ok ? 'ok' : 'failing'])),
      ...Object.fromEntries(
        results
          .filter((result) => result.details !== undefined)
          .map((result) => [result.name, result.details]),
      ),
    });
  });

  return {
    server,
    inFlight: () => inFlight + answeredTurnsRunning,
    listen: (port, host) =>
      // restify re-emits its HTTP server's events on itself: a port in use rejects here instead of crashing.
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    async close(graceMs = 10_000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight + answeredTurnsRunning > 0 && Date.now() < deadline) await delay(25);
      server.server.closeAllConnections();
      await closed;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
