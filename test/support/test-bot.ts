import { request } from 'undici';
import { GraphGdapDirectory } from '../../src/api/gdap-relationships';
import type { IdentityTokens } from '../../src/api/identity-tokens';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { type App, buildApp } from '../../src/app';
import { loadRoleAssignments } from '../../src/auth/role-assignments';
import type { BotAuthenticationSettings } from '../../src/bot/adapter';
import { BotStateStorage } from '../../src/bot/bot-state-storage';
import { type Config, loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/log';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { type Connector, startConnector } from './connector';

/**
 * The real server on an ephemeral port, in dev mode, talking over HTTP to the simulator,
 * with replies captured by a local connector and logs captured as JSON lines.
 */

export interface TestBot {
  url: string;
  app: App;
  config: Config;
  store: Store;
  simulator: RunningSimulator;
  connector: Connector;
  logs: Record<string, unknown>[];
  post(activity: object): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  simulator?: SimulatorOptions;
  /** A simulator shared with other bots (two instances on one Partner Center); left running by close(). */
  sharedSimulator?: RunningSimulator;
  env?: Record<string, string>;
  /** A connector shared with other bots (a bot restarted over the same store answers into the same conversations); left running by close(). */
  sharedConnector?: Connector;
  /** A store of the caller's (left open by close()); default: a fresh in-memory PGlite store. */
  store?: Store;
  /** The app's clock (approval expiry). */
  now?: () => Date;
  /** The Partner Center identity (tokens for the client, agent sign-in); default: no tokens (simulator auth off). */
  identity?: IdentityTokens;
  /** Read GDAP relationships from the simulator's Graph route before user operations (with these Graph tokens). */
  gdapPreflight?: boolean | { getToken(): Promise<string | undefined> };
  /** botbuilder endpoints, e.g. a local Bot Framework token service (`withTokenService`). */
  botAuthentication?: BotAuthenticationSettings;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const simulator = options.sharedSimulator ?? (await startSimulator(options.simulator ?? {}));
  const connector = options.sharedConnector ?? (await startConnector());
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = createLogger(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const config = loadConfig({
    PORT: '0',
    PARTNER_CENTER_BASE_URL: simulator.url,
    PARTNER_CENTER_TIMEOUT_MS: '2000',
    ...options.env,
  });
  const store = options.store ?? (await openStore({ dataDir: ':memory:', logger }));
  const partnerCenter = new PartnerCenterClient({
    baseUrl: config.partnerCenter.baseUrl,
    tokens: options.identity?.tokens ?? noTokenProvider,
    logger,
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000 },
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, budgetMs: 3000 },
  });
  const gdap = options.gdapPreflight
    ? new GraphGdapDirectory({
        baseUrl: simulator.url,
        tokens: options.gdapPreflight === true ? { getToken: async () => undefined } : options.gdapPreflight,
        logger,
      })
    : undefined;
  const app = buildApp({
    config,
    store,
    botStorage: new BotStateStorage(store.state),
    partnerCenter,
    assignments: await loadRoleAssignments(config.rbacConfigPath),
    logger,
    now: options.now,
    identity: options.identity,
    gdap,
    botAuthentication: options.botAuthentication,
  });
  const address = await app.server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    app,
    config,
    store,
    simulator,
    connector,
    logs,
    async post(activity) {
      const response = await request(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await app.server.close(1000);
      await app.approvals.idle();
      await app.release();
      await partnerCenter.close();
      await gdap?.close();
      if (!options.store) await store.close();
      if (!options.sharedConnector) await connector.close();
      if (!options.sharedSimulator) await simulator.close();
    },
  };
}

/** The Adaptive Card content of a captured activity (first attachment). */
export function cardOf(activity: {
  body: { attachments?: { contentType: string; content: unknown }[] };
}): Record<string, unknown> {
  const attachment = activity.body.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error('expected an Adaptive Card attachment');
  }
  return attachment.content as Record<string, unknown>;
}

/** Every text a card shows (TextBlock text, TextRun text, FactSet facts, action titles), for assertions. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) {
      if (typeof record[key] === 'string') texts.push(record[key] as string);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return texts;
}

/** Every Action.Execute on a card, with its verb and data. */
export function cardActions(
  card: unknown,
): { title?: string; verb: string; data: Record<string, unknown> }[] {
  const actions: { title?: string; verb: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') {
      actions.push({
        title: record.title as string | undefined,
        verb: record.verb as string,
        data: (record.data ?? {}) as Record<string, unknown>,
      });
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return actions;
}
