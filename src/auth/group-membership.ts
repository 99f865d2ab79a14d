import { LRUCache } from 'lru-cache';

/**
 * Entra group membership, as authorization needs it: which of the groups the role file names a user
 * belongs to, directly or through nested groups. Implemented over Microsoft Graph (src/graph); the
 * authorizer only sees this interface.
 */
export interface GroupMembership {
  /** Of `groupIds`, those `userId` is a transitive member of. Throws when the directory cannot answer. */
  memberGroupsOf(userId: string, groupIds: readonly string[]): Promise<string[]>;
}

export interface GroupMembershipCacheOptions {
  /** How long an answer is reused: a changed membership takes effect within this time. */
  ttlMs: number;
  /** Users remembered at most. */
  max?: number;
  /** The clock, read on every access (tests move it). */
  now?: () => number;
}

const DEFAULT_MAX_USERS = 10_000;

/**
 * Answers from memory for `ttlMs`; concurrent questions about one user share one directory call, and a
 * failed call is not remembered (the next turn asks again).
 */
export class CachedGroupMembership implements GroupMembership {
  private readonly answers: LRUCache<string, string[], readonly string[]>;

  constructor(directory: GroupMembership, options: GroupMembershipCacheOptions) {
    const now = options.now ?? (() => Date.now());
    this.answers = new LRUCache<string, string[], readonly string[]>({
      max: options.max ?? DEFAULT_MAX_USERS,
      ttl: options.ttlMs,
      ttlResolution: 0,
      perf: { now },
      fetchMethod: (key, _stale, { context }) => directory.memberGroupsOf(key.split('|')[0] ?? key, context),
    });
  }

  async memberGroupsOf(userId: string, groupIds: readonly string[]): Promise<string[]> {
    const key = `${userId.toLowerCase()}|${[...groupIds]
      .map((id) => id.toLowerCase())
      .sort()
      .join(',')}`;
    const answer = await this.answers.fetch(key, { context: groupIds });
    return [...(answer ?? [])];
  }
}
