import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { identityModes, type PartnerIdentityMode } from './api/identity-mode';
import { passwordLengths } from './users/password-generator';

/**
 * Configuration: read once from the environment (and an optional .env file), validated as a whole,
 * then frozen. Every problem is reported at once so an operator fixes them in one go.
 */

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PARTNER_CENTER_URL = 'https://api.partnercenter.microsoft.com';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const guidText = (name: string) =>
  optionalText.refine((value) => value === undefined || guid.test(value), `${name} must be a GUID`);

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Where the portal shows a customer's service requests; `{customerId}` is replaced by the tenant id. */
export const DEFAULT_PORTAL_SERVICE_REQUESTS_URL =
  'https://partner.microsoft.com/dashboard/v2/customers/{customerId}/servicemanagementpage';

const booleanText = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(value), {
      message: `${name} must be true or false`,
    })
    .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  MicrosoftAppId: guidText('MicrosoftAppId'),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: guidText('MicrosoftAppTenantId'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),

  PARTNER_CENTER_BASE_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_PARTNER_CENTER_URL),
  PARTNER_CENTER_CLIENT_ID: guidText('PARTNER_CENTER_CLIENT_ID'),
  PARTNER_CENTER_CLIENT_SECRET: optionalText,
  PARTNER_CENTER_CERTIFICATE_PATH: optionalText,
  PARTNER_CENTER_CERTIFICATE_THUMBPRINT: optionalText,
  PARTNER_CENTER_TENANT_ID: guidText('PARTNER_CENTER_TENANT_ID'),
  PARTNER_CENTER_REFRESH_TOKEN: optionalText,
  PARTNER_CENTER_TIMEOUT_MS: z.coerce.number().int().min(500).max(60000).default(8000),

  IDENTITY_MODE: z.enum(identityModes).optional(),
  OAUTH_CONNECTION_NAME: optionalText,
  BOT_OAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  GDAP_PREFLIGHT: booleanText('GDAP_PREFLIGHT').default(true),

  DATABASE_URL: optionalText.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
    'DATABASE_URL must be a postgres:// URL',
  ),
  DATA_DIR: z.string().trim().min(1).default('./data'),

  RBAC_CONFIG: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_GRAPH_URL),
  GRAPH_CLIENT_ID: guidText('GRAPH_CLIENT_ID'),
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_TENANT_ID: guidText('GRAPH_TENANT_ID'),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(500).max(10_000).default(3000),
  GROUP_MEMBERSHIP_CACHE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  CUSTOMER_INDEX_REFRESH_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  MESSAGE_EXTENSION_WAIT_MS: z.coerce.number().int().min(100).max(4000).default(3000),

  SERVICE_REQUESTS_LEGACY_API: booleanText('SERVICE_REQUESTS_LEGACY_API').default(true),
  PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL: z
    .string()
    .trim()
    .default(DEFAULT_PORTAL_SERVICE_REQUESTS_URL)
    .refine(
      (value) => /^https:\/\/[^\s/]+\/\S*\{customerId\}/.test(value),
      'PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL must be an https:// URL containing {customerId}',
    ),
  PROVISIONING_STATUS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  WATCH_POLL_INTERVAL_MS: milliseconds(1000, DAY_MS, 5 * MINUTE_MS),
  WATCH_GIVE_UP_AFTER_MS: milliseconds(MINUTE_MS, 30 * DAY_MS, DAY_MS),

  PASSWORD_LENGTH: z.coerce
    .number()
    .int()
    .min(passwordLengths.min)
    .max(passwordLengths.max)
    .default(passwordLengths.default),

  APPROVAL_EXPIRY_HOURS: z.coerce.number().min(0.1).max(720).default(24),
  APPROVAL_SWEEP_INTERVAL_MS: milliseconds(1000, DAY_MS, MINUTE_MS),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
});

export type IdentityMode = 'dev' | 'production';

/** Whose identity Partner Center sees (src/api/identity-mode.ts) and how agents sign in. */
export interface IdentitySettings {
  mode: PartnerIdentityMode;
  /** The Azure Bot resource's OAuth connection that gives the bot each agent's Teams SSO token (agent mode). */
  oauthConnectionName?: string;
  /** The Bot Framework token service (default botbuilder's, https://api.botframework.com). */
  oauthUrl?: string;
  /** Read the partner's GDAP relationships (Graph) before user operations. */
  gdapPreflight: boolean;
}

export interface BotCredentials {
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface PartnerCenterSettings {
  baseUrl: string;
  clientId?: string;
  clientSecret?: string;
  certificate?: { path: string; thumbprint: string };
  tenantId?: string;
  refreshToken?: string;
  timeoutMs: number;
  /** True when no credentials are set: the client sends no token (only allowed against a loopback URL). */
  simulatorMode: boolean;
}

/** Service requests: the legacy create and support-topic routes (reference §7 D2/D3) and the portal fallback. */
export interface TicketSettings {
  /** False: never call D2/D3, send agents to the portal instead. */
  legacyApi: boolean;
  /** Portal page of a customer's service requests, with a `{customerId}` placeholder. */
  portalServiceRequestsUrl: string;
}

/** Subscription provisioning status and "Notify me when ready" watches. */
export interface ProvisioningSettings {
  /** Provisioning-status calls in flight at once for one subscription list. */
  statusConcurrency: number;
  watchPollIntervalMs: number;
  watchGiveUpAfterMs: number;
}

/** Approval requests (suspensions, agents' reactivations, privileged password resets). */
export interface ApprovalSettings {
  /** How long a request waits for a decision before it expires. */
  expiryMs: number;
  /** How often the sweep expires overdue requests and settles interrupted executions. */
  sweepIntervalMs: number;
}

/** Customer user operations: password resets and restores. */
export interface UserSettings {
  /** Length of a generated temporary password (12 to 64). */
  passwordLength: number;
}

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** 'dev' when no bot app id is set: no JWT checks, loopback only. */
  mode: IdentityMode;
  bot: BotCredentials;
  partnerCenter: PartnerCenterSettings;
  identity: IdentitySettings;
  store: { databaseUrl?: string; dataDir: string };
  rbacConfigPath: string;
  allowedTenantIds: string[];
  graph: GraphSettings;
  customerIndex: CustomerIndexSettings;
  tickets: TicketSettings;
  provisioning: ProvisioningSettings;
  users: UserSettings;
  approvals: ApprovalSettings;
  retention: RetentionSettings;
}

/** Housekeeping of short-lived records (src/store/retention.ts). */
export interface RetentionSettings {
  /** Expired one-time operations, ended watches and ticket forms are deleted after this many days. */
  keepDays: number;
}

/** The customer index that `lookup` and the message extension search (src/customers). */
export interface CustomerIndexSettings {
  refreshIntervalMs: number;
  /**
   * How long the message extension waits for Partner Center while the index is cold before it answers
   * with what it has (Teams allows a compose-box query 5 seconds in all).
   */
  messageExtensionWaitMs: number;
}

/**
 * Microsoft Graph, for the Entra group membership behind `groups` in the role file. Client credentials are
 * GRAPH_CLIENT_ID/SECRET/TENANT_ID, or else the bot's own app registration (MicrosoftAppId/Password and
 * MicrosoftAppTenantId, or GRAPH_TENANT_ID).
 */
export interface GraphSettings {
  baseUrl: string;
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  timeoutMs: number;
  /** How long a user's group membership is reused before Graph is asked again. */
  membershipCacheMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEV_RBAC_CONFIG = 'config/roles.dev.json';
export const DEV_TENANT_ID = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  const unbracketed = host.replace(/^\[|\]$/g, '');
  return isIP(unbracketed) === 6 && (unbracketed === '::1' || unbracketed === '0:0:0:0:0:0:0:1');
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Reads `.env` (if present) without touching process.env; real environment variables win. */
export function readEnvironment(
  env: NodeJS.ProcessEnv,
  dotenvPath = '.env',
): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

/** Validates the whole environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const settings = parsed.data;
  const problems: string[] = [];
  const mode: IdentityMode = settings.MicrosoftAppId ? 'production' : 'dev';

  if (mode === 'dev' && !isLoopbackHost(settings.HOST)) {
    problems.push(
      `HOST: ${settings.HOST} is not a loopback address. Without MicrosoftAppId the bot runs without authentication (dev mode), which is only allowed on 127.0.0.1, ::1 or localhost. Set MicrosoftAppId and MicrosoftAppPassword to run on ${settings.HOST}.`,
    );
  }
  if (mode === 'production') {
    if (settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword) {
      problems.push(
        'MicrosoftAppPassword: required when MicrosoftAppId is set (unless MicrosoftAppType is UserAssignedMSI)',
      );
    }
    if (settings.MicrosoftAppType !== 'MultiTenant' && !settings.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${settings.MicrosoftAppType}`);
    }
    if (!settings.RBAC_CONFIG)
      problems.push('RBAC_CONFIG: required outside dev mode (path of the role file)');
    if (!settings.ALLOWED_TENANT_IDS) problems.push('ALLOWED_TENANT_IDS: required outside dev mode');
  }

  const allowedTenantIds = (settings.ALLOWED_TENANT_IDS ?? (mode === 'dev' ? DEV_TENANT_ID : ''))
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  for (const id of allowedTenantIds) {
    if (!guid.test(id)) problems.push(`ALLOWED_TENANT_IDS: "${id}" is not a GUID`);
  }

  const identity = identitySettings(settings, mode, problems);
  const partnerCenter = partnerCenterSettings(settings, identity.mode, problems);
  const graph = graphSettings(settings, problems);
  const rbacConfigPath = settings.RBAC_CONFIG ?? DEV_RBAC_CONFIG;
  if (!existsSync(rbacConfigPath))
    problems.push(`RBAC_CONFIG: file not found: ${path.resolve(rbacConfigPath)}`);

  if (settings.WATCH_GIVE_UP_AFTER_MS < settings.WATCH_POLL_INTERVAL_MS) {
    problems.push(
      `WATCH_GIVE_UP_AFTER_MS: ${settings.WATCH_GIVE_UP_AFTER_MS} is shorter than WATCH_POLL_INTERVAL_MS (${settings.WATCH_POLL_INTERVAL_MS}): a watch would give up before its first check`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze({
    port: settings.PORT,
    host: settings.HOST,
    logLevel: settings.LOG_LEVEL,
    mode,
    bot: Object.freeze({
      appId: settings.MicrosoftAppId,
      appPassword: settings.MicrosoftAppPassword,
      appTenantId: settings.MicrosoftAppTenantId,
      appType: settings.MicrosoftAppType,
    }),
    partnerCenter: Object.freeze(partnerCenter),
    identity: Object.freeze(identity),
    store: Object.freeze({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR }),
    rbacConfigPath,
    allowedTenantIds: Object.freeze(allowedTenantIds) as string[],
    graph: Object.freeze(graph),
    customerIndex: Object.freeze({
      refreshIntervalMs: settings.CUSTOMER_INDEX_REFRESH_MINUTES * MINUTE_MS,
      messageExtensionWaitMs: settings.MESSAGE_EXTENSION_WAIT_MS,
    }),
    tickets: Object.freeze({
      legacyApi: settings.SERVICE_REQUESTS_LEGACY_API,
      portalServiceRequestsUrl: settings.PARTNER_CENTER_PORTAL_SERVICE_REQUESTS_URL,
    }),
    provisioning: Object.freeze({
      statusConcurrency: settings.PROVISIONING_STATUS_CONCURRENCY,
      watchPollIntervalMs: settings.WATCH_POLL_INTERVAL_MS,
      watchGiveUpAfterMs: settings.WATCH_GIVE_UP_AFTER_MS,
    }),
    users: Object.freeze({ passwordLength: settings.PASSWORD_LENGTH }),
    approvals: Object.freeze({
      expiryMs: Math.round(settings.APPROVAL_EXPIRY_HOURS * 60 * MINUTE_MS),
      sweepIntervalMs: settings.APPROVAL_SWEEP_INTERVAL_MS,
    }),
    retention: Object.freeze({ keepDays: settings.RETENTION_DAYS }),
  });
}

/**
 * IDENTITY_MODE defaults to `agent` in production and `service-account` in dev mode (the Playground has no
 * OAuth connection). Agent mode needs the OAuth connection and the app registration the agents sign in to.
 */
function identitySettings(
  settings: z.infer<typeof environmentSchema>,
  mode: IdentityMode,
  problems: string[],
): IdentitySettings {
  const identityMode = settings.IDENTITY_MODE ?? (mode === 'production' ? 'agent' : 'service-account');
  if (identityMode === 'agent') {
    if (!settings.OAUTH_CONNECTION_NAME) {
      problems.push(
        "OAUTH_CONNECTION_NAME: required when IDENTITY_MODE is agent (the Azure Bot resource's OAuth connection for Teams single sign-on)",
      );
    }
    const hasCredential =
      settings.PARTNER_CENTER_CLIENT_SECRET !== undefined ||
      settings.PARTNER_CENTER_CERTIFICATE_PATH !== undefined;
    if (!settings.PARTNER_CENTER_CLIENT_ID || !settings.PARTNER_CENTER_TENANT_ID || !hasCredential) {
      problems.push(
        'PARTNER_CENTER_CLIENT_ID: IDENTITY_MODE agent needs PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_TENANT_ID and a client secret or certificate: the app registration the agents sign in to, which exchanges their tokens on-behalf-of',
      );
    }
  }
  return {
    mode: identityMode,
    oauthConnectionName: settings.OAUTH_CONNECTION_NAME,
    oauthUrl: settings.BOT_OAUTH_URL?.replace(/\/+$/, ''),
    gdapPreflight: settings.GDAP_PREFLIGHT,
  };
}

function partnerCenterSettings(
  settings: z.infer<typeof environmentSchema>,
  identityMode: PartnerIdentityMode,
  problems: string[],
): PartnerCenterSettings {
  const hasSecret = settings.PARTNER_CENTER_CLIENT_SECRET !== undefined;
  const hasCertificate =
    settings.PARTNER_CENTER_CERTIFICATE_PATH !== undefined ||
    settings.PARTNER_CENTER_CERTIFICATE_THUMBPRINT !== undefined;
  const hasAnyCredential = settings.PARTNER_CENTER_CLIENT_ID !== undefined || hasSecret || hasCertificate;
  const baseUrl = settings.PARTNER_CENTER_BASE_URL.replace(/\/+$/, '');

  if (!hasAnyCredential && !isLoopbackUrl(baseUrl)) {
    problems.push(
      `PARTNER_CENTER_CLIENT_ID: Partner Center credentials are required for ${baseUrl} (without credentials only a loopback simulator URL is allowed)`,
    );
  }
  if (hasAnyCredential) {
    if (!settings.PARTNER_CENTER_CLIENT_ID)
      problems.push('PARTNER_CENTER_CLIENT_ID: required with Partner Center credentials');
    if (!settings.PARTNER_CENTER_TENANT_ID)
      problems.push('PARTNER_CENTER_TENANT_ID: required with Partner Center credentials');
    if (hasSecret === hasCertificate) {
      problems.push(
        'PARTNER_CENTER_CLIENT_SECRET: set either a client secret or a certificate (PARTNER_CENTER_CERTIFICATE_PATH and PARTNER_CENTER_CERTIFICATE_THUMBPRINT), not both or neither',
      );
    }
    if (
      hasCertificate &&
      !(settings.PARTNER_CENTER_CERTIFICATE_PATH && settings.PARTNER_CENTER_CERTIFICATE_THUMBPRINT)
    ) {
      problems.push(
        'PARTNER_CENTER_CERTIFICATE_PATH: a certificate needs both the PEM path and its thumbprint',
      );
    }
    if (settings.PARTNER_CENTER_CERTIFICATE_PATH && !existsSync(settings.PARTNER_CENTER_CERTIFICATE_PATH)) {
      problems.push(
        `PARTNER_CENTER_CERTIFICATE_PATH: file not found: ${settings.PARTNER_CENTER_CERTIFICATE_PATH}`,
      );
    }
    if (identityMode === 'service-account' && !settings.PARTNER_CENTER_REFRESH_TOKEN) {
      problems.push(
        'PARTNER_CENTER_REFRESH_TOKEN: required with Partner Center credentials (refresh token of the MFA-enabled service account, Secure Application Model) for user operations',
      );
    }
  }
  return {
    baseUrl,
    clientId: settings.PARTNER_CENTER_CLIENT_ID,
    clientSecret: settings.PARTNER_CENTER_CLIENT_SECRET,
    certificate:
      settings.PARTNER_CENTER_CERTIFICATE_PATH && settings.PARTNER_CENTER_CERTIFICATE_THUMBPRINT
        ? {
            path: settings.PARTNER_CENTER_CERTIFICATE_PATH,
            thumbprint: settings.PARTNER_CENTER_CERTIFICATE_THUMBPRINT,
          }
        : undefined,
    tenantId: settings.PARTNER_CENTER_TENANT_ID,
    refreshToken: settings.PARTNER_CENTER_REFRESH_TOKEN,
    timeoutMs: settings.PARTNER_CENTER_TIMEOUT_MS,
    simulatorMode: !hasAnyCredential,
  };
}

function graphSettings(settings: z.infer<typeof environmentSchema>, problems: string[]): GraphSettings {
  const dedicated = settings.GRAPH_CLIENT_ID !== undefined;
  if (dedicated && !settings.GRAPH_CLIENT_SECRET) {
    problems.push('GRAPH_CLIENT_SECRET: required with GRAPH_CLIENT_ID');
  }
  if (!dedicated && settings.GRAPH_CLIENT_SECRET) {
    problems.push('GRAPH_CLIENT_ID: required with GRAPH_CLIENT_SECRET');
  }
  const tenantId = settings.GRAPH_TENANT_ID ?? settings.MicrosoftAppTenantId;
  if (dedicated && !tenantId) {
    problems.push(
      'GRAPH_TENANT_ID: required with GRAPH_CLIENT_ID (the tenant whose groups the role file names)',
    );
  }
  return {
    baseUrl: settings.GRAPH_BASE_URL.replace(/\/+$/, ''),
    clientId: dedicated ? settings.GRAPH_CLIENT_ID : settings.MicrosoftAppId,
    clientSecret: dedicated ? settings.GRAPH_CLIENT_SECRET : settings.MicrosoftAppPassword,
    tenantId,
    timeoutMs: settings.GRAPH_TIMEOUT_MS,
    membershipCacheMs: settings.GROUP_MEMBERSHIP_CACHE_SECONDS * 1000,
  };
}

/** A safe summary for the start-up log line: no secret values, only whether they are set. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    mode: config.mode,
    listen: `${config.host}:${config.port}`,
    botAppId: config.bot.appId ?? '(none: dev mode)',
    botAppType: config.bot.appType,
    partnerCenter: config.partnerCenter.baseUrl,
    partnerCenterAuth: config.partnerCenter.simulatorMode
      ? 'none (simulator)'
      : config.partnerCenter.certificate
        ? 'certificate'
        : 'client secret',
    store: config.store.databaseUrl ? 'postgres' : `pglite (${config.store.dataDir})`,
    identityMode: config.identity.mode,
    oauthConnection: config.identity.oauthConnectionName ?? '(none)',
    gdapPreflight: config.identity.gdapPreflight,
    rbacConfig: config.rbacConfigPath,
    allowedTenants: config.allowedTenantIds.length,
    graph: config.graph.baseUrl,
    customerIndexRefreshMinutes: config.customerIndex.refreshIntervalMs / MINUTE_MS,
    serviceRequestsLegacyApi: config.tickets.legacyApi,
    watchPollIntervalMs: config.provisioning.watchPollIntervalMs,
    passwordLength: config.users.passwordLength,
    approvalExpiryMs: config.approvals.expiryMs,
  };
}
