import { HttpTransport, type TransportOutcome } from '../api/http-transport';
import type { GroupMembership } from '../auth/group-membership';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { GraphTokenSource } from './graph-token-provider';

/**
 * Transitive group membership through Microsoft Graph: `POST /v1.0/users/{id}/checkMemberGroups` with
 * the group ids the role file names (at most 20 per call, so larger lists go in parallel chunks). A user
 * the directory does not know is a member of nothing; any other failure (timeout, refusal, throttling,
 * outage) throws GROUPS_UNAVAILABLE, so that authorization fails closed.
 */

export interface GraphGroupMembershipOptions {
  /** e.g. https://graph.microsoft.com (the simulator's URL in tests). */
  baseUrl: string;
  /** The whole question, every chunk and the token included, must be answered within this time. */
  timeoutMs: number;
  tokens: GraphTokenSource;
  logger: Logger;
}

/** checkMemberGroups takes at most 20 group ids per request. */
export const MAX_GROUPS_PER_CHECK = 20;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class GraphGroupMembership implements GroupMembership {
  private readonly transport: HttpTransport;

  constructor(private readonly options: GraphGroupMembershipOptions) {
    this.transport = new HttpTransport(options.baseUrl, {
      connectMs: Math.min(3000, options.timeoutMs),
      headersMs: options.timeoutMs,
      bodyMs: options.timeoutMs,
    });
  }

  async memberGroupsOf(userId: string, groupIds: readonly string[]): Promise<string[]> {
    if (!guid.test(userId)) throw unavailable('the user id is not an Entra object id', {});
    const wanted = [...new Set(groupIds.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return [];
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const started = Date.now();
    const chunks: string[][] = [];
    for (let start = 0; start < wanted.length; start += MAX_GROUPS_PER_CHECK) {
      chunks.push(wanted.slice(start, start + MAX_GROUPS_PER_CHECK));
    }
    const token = await this.options.tokens.getToken();
    const answers = await Promise.all(chunks.map((chunk) => this.check(userId, chunk, token, signal)));
    const member = answers.flat().map((id) => id.toLowerCase());
    this.options.logger.debug(
      { groups: wanted.length, memberOf: member.length, calls: chunks.length, ms: Date.now() - started },
      'graph: group membership checked',
    );
    return wanted.filter((id) => member.includes(id));
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async check(
    userId: string,
    groupIds: string[],
    token: string | undefined,
    signal: AbortSignal,
  ): Promise<string[]> {
    const outcome = await this.transport.send({
      method: 'POST',
      path: `/v1.0/users/${userId}/checkMemberGroups`,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ groupIds }),
      signal,
    });
    return answerOf(outcome);
  }
}

function answerOf(outcome: TransportOutcome): string[] {
  if (outcome.kind === 'aborted') throw unavailable('Microsoft Graph did not answer in time', {});
  if (outcome.kind !== 'response') {
    throw unavailable(`Microsoft Graph could not be reached (${outcome.kind})`, { reason: outcome.reason });
  }
  if (outcome.status === 404) return [];
  if (outcome.status !== 200) {
    throw unavailable(`Microsoft Graph answered ${outcome.status} to checkMemberGroups`, {
      status: outcome.status,
      graphCode: graphErrorCode(outcome.bodyText),
    });
  }
  const value = parseJson(outcome.bodyText)?.value;
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    throw unavailable('Microsoft Graph answered checkMemberGroups without a list of group ids', {});
  }
  return value;
}

function parseJson(text: string): { value?: unknown; error?: { code?: unknown } } | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function graphErrorCode(bodyText: string): string | undefined {
  const code = parseJson(bodyText)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

function unavailable(message: string, details: Record<string, unknown>): AppError {
  return new AppError('GROUPS_UNAVAILABLE', message, details);
}
