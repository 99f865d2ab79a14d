/**
 * The simulator's Entra ID directory, for the Microsoft Graph calls the bot makes (group membership):
 * the Playground users and a few helpdesk groups, one of them nested, so that transitive membership is
 * exercised. Patti Fernandez is in no helpdesk group; Lynne Robbins is an agent only through a nested group.
 */

export interface DirectoryGroup {
  id: string;
  displayName: string;
  /** Users and groups, by object id. */
  members: string[];
}

export const directoryUsers = {
  alex: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21',
  megan: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32',
  adele: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43',
  isaiah: 'b15a2b4c-3d67-4bae-af34-6dbf5eab9c54',
  patti: 'd26b3c5d-4e78-4cbf-b045-7ec06fbcad65',
  lynne: 'e37c4d6e-5f89-4dc0-8156-8fd17acdbe76',
} as const;

export const directoryGroups = {
  viewers: '8dae3b4c-6e5f-4071-acbd-2e3f4a5b6c73',
  agents: '6b8e1f2a-4c3d-4e5f-8a9b-0c1d2e3f4a51',
  tier2: '7c9f2a3b-5d4e-4f60-9bac-1d2e3f4a5b62',
  supervisors: '9ebf4c5d-7f60-4182-bdce-3f4a5b6c7d84',
  admins: 'afc05d6e-8071-4293-8edf-4a5b6c7d8e95',
  allStaff: 'b0d16e7f-9182-43a4-9fe0-5b6c7d8e9fa6',
} as const;

export function seedGroups(): DirectoryGroup[] {
  const u = directoryUsers;
  const g = directoryGroups;
  return [
    { id: g.viewers, displayName: 'Helpdesk Viewers', members: [u.isaiah, g.agents, g.supervisors] },
    { id: g.agents, displayName: 'Helpdesk Agents', members: [u.megan, g.tier2] },
    { id: g.tier2, displayName: 'Tier 2 Support', members: [u.lynne] },
    { id: g.supervisors, displayName: 'Helpdesk Supervisors', members: [u.adele] },
    { id: g.admins, displayName: 'Partner Admins', members: [u.alex] },
    { id: g.allStaff, displayName: 'All Staff', members: Object.values(u) },
  ];
}

/** Users and groups in memory; membership may change while the simulator runs (role-change tests). */
export class Directory {
  private readonly groups = new Map<string, Set<string>>();
  private readonly users: Set<string>;

  constructor(groups: readonly DirectoryGroup[], users: readonly string[]) {
    for (const group of groups) {
      this.groups.set(group.id.toLowerCase(), new Set(group.members.map((id) => id.toLowerCase())));
    }
    this.users = new Set(users.map((id) => id.toLowerCase()));
  }

  hasUser(id: string): boolean {
    return this.users.has(id.toLowerCase());
  }

  /** The groups `memberId` belongs to, directly or through groups that are members of other groups. */
  transitiveGroupsOf(memberId: string): Set<string> {
    const found = new Set<string>();
    let frontier = [memberId.toLowerCase()];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const [groupId, members] of this.groups) {
        if (!found.has(groupId) && frontier.some((id) => members.has(id))) {
          found.add(groupId);
          next.push(groupId);
        }
      }
      frontier = next;
    }
    return found;
  }

  addMember(groupId: string, memberId: string): void {
    const members = this.groups.get(groupId.toLowerCase());
    if (!members) throw new RangeError(`no group ${groupId}`);
    members.add(memberId.toLowerCase());
  }

  removeMember(groupId: string, memberId: string): void {
    this.groups.get(groupId.toLowerCase())?.delete(memberId.toLowerCase());
  }
}

export function createDirectory(): Directory {
  return new Directory(seedGroups(), Object.values(directoryUsers));
}
