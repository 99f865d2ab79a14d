import { request } from 'undici';
import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider, type TokenProvider } from '../../src/api/token-provider';
import { type App, buildApp } from '../../src/app';
import { loadRoleAssignments } from '../../src/auth/role-assignments';
import { BotStateStorage } from '../../src/bot/bot-state-storage';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { devTenantId } from '../support/activities';
import { type ChannelIdentity, startChannelIdentity } from './channel-identity';

/**
 * The real server in production mode (an app id and password set, JWTs checked by botbuilder) with its
 * authentication pointed at a loopback token service of the test's own. Activities ask for
 * `expectReplies`, so the replies come back in the HTTP answer and the bot never needs a token of its own.
 */

export const APP_ID = '3f1f5f8a-0c8e-4a44-9d6a-0b1d2c3e4f50';
/** Not a real secret; the log tests look for it. */
export const APP_PASSWORD = 'Attack-Test-App-Password-7f3c9e';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

export interface ProductionBot {
  url: string;
  app: App;
  store: Store;
  simulator: RunningSimulator;
  identity: ChannelIdentity;
  logs: Record<string, unknown>[];
  /** Posts with a valid channel token unless `authorization` says otherwise (null: no header at all). */
  post(
    activity: object,
    authorization?: string | null,
  ): Promise<{ status: number; text: string; body: unknown }>;
  close(): Promise<void>;
}

export async function startProductionBot(
  options: { simulator?: SimulatorOptions; tokens?: TokenProvider; env?: Record<string, string> } = {},
): Promise<ProductionBot> {
  const identity = await startChannelIdentity();
  const simulator = await startSimulator(options.simulator ?? {});
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const config = loadConfig({
    PORT: '0',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: APP_PASSWORD,
    RBAC_CONFIG: 'config/roles.dev.json',
    ALLOWED_TENANT_IDS: devTenantId,
    IDENTITY_MODE: 'service-account',
    PARTNER_CENTER_BASE_URL: simulator.url,
    PARTNER_CENTER_TIMEOUT_MS: '2000',
    ...options.env,
  });
  const store = await openStore({ dataDir: ':memory:', logger });
  const partnerCenter = new PartnerCenterClient({
    baseUrl: config.partnerCenter.baseUrl,
    tokens: options.tokens ?? noTokenProvider,
    logger,
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000 },
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, budgetMs: 3000 },
  });
  const app = buildApp({
    config,
    store,
    botStorage: new BotStateStorage(store.state),
    partnerCenter,
    assignments: await loadRoleAssignments(config.rbacConfigPath),
    logger,
    botAuthentication: identity.botAuthentication,
  });
  const address = await app.server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    app,
    store,
    simulator,
    identity,
    logs,
    async post(activity, authorization) {
      const serviceUrl = (activity as { serviceUrl?: string }).serviceUrl ?? SERVICE_URL;
      const header =
        authorization === undefined ? `Bearer ${identity.token(APP_ID, serviceUrl)}` : authorization;
      const response = await request(`${url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header === null ? {} : { authorization: header }),
        },
        body: JSON.stringify(activity),
      });
      const text = await response.body.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.statusCode, text, body };
    },
    async close() {
      await app.server.close(1000);
      await app.approvals.idle();
      await app.release();
      await partnerCenter.close();
      await store.close();
      await simulator.close();
      await identity.close();
    },
  };
}
