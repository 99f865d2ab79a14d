import type { INetworkModule } from '@azure/msal-node';
import { CachedGroupMembership, type GroupMembership } from '../auth/group-membership';
import type { RoleAssignments } from '../auth/role-assignments';
import { ConfigError, type GraphSettings, isLoopbackUrl } from '../config';
import type { Logger } from '../log';
import { GraphGroupMembership } from './graph-group-membership';
import { GraphTokenProvider, noGraphToken } from './graph-token-provider';

/**
 * Group membership for the role file, or none when the role file names no groups (then Graph is never
 * called and needs no credentials). Without credentials only a loopback Graph (the simulator) is allowed.
 */

export interface GroupDirectory {
  membership: GroupMembership;
  close(): Promise<void>;
}

export function createGroupDirectory(
  settings: GraphSettings,
  assignments: RoleAssignments,
  logger: Logger,
  options: { networkClient?: INetworkModule; now?: () => Date } = {},
): GroupDirectory | undefined {
  if (assignments.groupIds.length === 0) return undefined;
  const { clientId, clientSecret, tenantId } = settings;
  const hasCredentials = Boolean(clientId && clientSecret && tenantId);
  if (!hasCredentials && !isLoopbackUrl(settings.baseUrl)) {
    throw new ConfigError([
      `GRAPH_CLIENT_ID: the role file gives roles to Entra groups, so the bot needs Microsoft Graph credentials for ${settings.baseUrl}: set GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID, or the bot's MicrosoftAppId and MicrosoftAppPassword with MicrosoftAppTenantId or GRAPH_TENANT_ID (application permission GroupMember.Read.All)`,
    ]);
  }
  const tokens =
    clientId && clientSecret && tenantId
      ? new GraphTokenProvider({
          clientId,
          clientSecret,
          tenantId,
          logger,
          networkClient: options.networkClient,
        })
      : noGraphToken;
  const graph = new GraphGroupMembership({
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    tokens,
    logger,
  });
  return {
    membership: new CachedGroupMembership(graph, {
      ttlMs: settings.membershipCacheMs,
      ...(options.now && { now: () => (options.now as () => Date)().getTime() }),
    }),
    close: () => graph.close(),
  };
}
