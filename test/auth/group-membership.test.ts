import { CachedGroupMembership, type GroupMembership } from '../../src/auth/group-membership';

/** A directory that records its calls and answers as told (the cache is what is under test). */
function directory(answer: (userId: string) => Promise<string[]>) {
  const calls: string[] = [];
  const membership: GroupMembership = {
    memberGroupsOf: (userId) => {
      calls.push(userId);
      return answer(userId);
    },
  };
  return { membership, calls };
}

const groups = ['00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000bb'];
const user = '00000000-0000-4000-8000-000000000001';

describe('cached group membership', () => {
  // lru-cache reads a start time of 0 as "no time recorded": the clock starts later.
  let now = 1_700_000_000_000;
  const clock = () => now;

  it('reuses an answer for the cache time, whatever the case of the user id, then asks again', async () => {
    const { membership, calls } = directory(async () => [groups[0] as string]);
    const cached = new CachedGroupMembership(membership, { ttlMs: 60_000, now: clock });
    expect(await cached.memberGroupsOf(user, groups)).toEqual([groups[0]]);
    now += 59_000;
    expect(await cached.memberGroupsOf(user.toUpperCase(), groups)).toEqual([groups[0]]);
    expect(calls).toHaveLength(1);
    now += 2_000;
    await cached.memberGroupsOf(user, groups);
    expect(calls).toHaveLength(2);
  });

  it('shares one directory call among concurrent questions about one user', async () => {
    let release: (ids: string[]) => void = () => undefined;
    const { membership, calls } = directory(() => new Promise((resolve) => (release = resolve)));
    const cached = new CachedGroupMembership(membership, { ttlMs: 60_000, now: clock });
    const answers = Promise.all([cached.memberGroupsOf(user, groups), cached.memberGroupsOf(user, groups)]);
    release([groups[1] as string]);
    expect(await answers).toEqual([[groups[1]], [groups[1]]]);
    expect(calls).toHaveLength(1);
  });

  it('never remembers a failure: the next question asks the directory again', async () => {
    let fail = true;
    const { membership, calls } = directory(async () => {
      if (fail) throw new Error('Graph is down');
      return [];
    });
    const cached = new CachedGroupMembership(membership, { ttlMs: 60_000, now: clock });
    await expect(cached.memberGroupsOf(user, groups)).rejects.toThrow('Graph is down');
    fail = false;
    expect(await cached.memberGroupsOf(user, groups)).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('hands out copies, so a caller cannot change what the next one reads', async () => {
    const { membership } = directory(async () => [groups[0] as string]);
    const cached = new CachedGroupMembership(membership, { ttlMs: 60_000, now: clock });
    (await cached.memberGroupsOf(user, groups)).push('tampered');
    expect(await cached.memberGroupsOf(user, groups)).toEqual([groups[0]]);
  });
});
