import type { INetworkModule } from '@azure/msal-node';
import { type GraphSettings, isLoopbackUrl } from '../config';
import { GraphTokenProvider, noGraphToken } from '../graph/graph-token-provider';
import type { Logger } from '../log';
import { GraphGdapDirectory } from './gdap-relationships';

/**
 * The GDAP pre-flight's view of the partner's relationships (Microsoft Graph, App-only token with the
 * DelegatedAdminRelationship.Read.All application permission, from the Graph app registration settings).
 * None when GDAP_PREFLIGHT is off, or when a real Graph has no credentials: Partner Center's 403 then
 * tells of a missing role on its own.
 */
export function createGdapDirectory(
  graph: GraphSettings,
  enabled: boolean,
  logger: Logger,
  options: { networkClient?: INetworkModule } = {},
): GraphGdapDirectory | undefined {
  if (!enabled) return undefined;
  const { clientId, clientSecret, tenantId } = graph;
  const hasCredentials = Boolean(clientId && clientSecret && tenantId);
  if (!hasCredentials && !isLoopbackUrl(graph.baseUrl)) {
    logger.warn(
      { graph: graph.baseUrl },
      'GDAP pre-flight off: no Microsoft Graph credentials (GRAPH_CLIENT_ID or the bot app) to read GDAP relationships',
    );
    return undefined;
  }
  const tokens =
    clientId && clientSecret && tenantId
      ? new GraphTokenProvider({ clientId, clientSecret, tenantId, logger, ...options })
      : noGraphToken;
  return new GraphGdapDirectory({ baseUrl: graph.baseUrl, tokens, logger, timeoutMs: graph.timeoutMs });
}
