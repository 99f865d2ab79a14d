import { addMs, DAY_MS } from '../clock';
import { stableGuid } from '../prng';
import { partnerOrganization } from './seed-data';

/**
 * GDAP (granular delegated admin privileges): which Microsoft Entra roles the partner holds in each
 * customer's tenant, through its delegated admin relationships with that customer. The shapes follow
 * Microsoft Graph's delegatedAdminRelationship (id `<guid>-<guid>`, `accessDetails.unifiedRoles`,
 * `status`, `duration`, `endDateTime`). Which customers grant what is synthetic.
 */

/** Built-in Entra role template ids (the ids GDAP relationships carry). */
export const entraRoles = {
  globalAdministrator: { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  userAdministrator: { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  privilegedAuthenticationAdministrator: {
    id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    name: 'Privileged Authentication Administrator',
  },
  directoryReaders: { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
  directoryWriters: { id: '9360feb5-f418-4baa-8175-e2a00bac4301', name: 'Directory Writers' },
  globalReader: { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', name: 'Global Reader' },
  helpdeskAdministrator: { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
} as const;

export type GdapStatus = 'active' | 'expired' | 'terminated';

export interface GdapRelationshipRecord {
  id: string;
  displayName: string;
  customerId: string;
  status: GdapStatus;
  roleIds: string[];
  createdDateTime: Date;
  activatedDateTime: Date;
  endDateTime: Date;
}

interface SeedRelationship {
  customerId: string;
  roles: readonly { id: string }[];
  status?: GdapStatus;
}

const { userAdministrator, privilegedAuthenticationAdministrator, directoryReaders } = entraRoles;

/** What every customer without a seed entry below grants: the helpdesk roles for user operations. */
export const defaultGdapRoles: readonly { id: string }[] = [
  userAdministrator,
  privilegedAuthenticationAdministrator,
];

/**
 * Customers whose GDAP differs from the default (synthetic): Alpine Ski House grants only Directory
 * Readers; Humongous Insurance has no relationship at all; Lucerne Publishing grants Privileged
 * Authentication Administrator and Directory Readers, and its older relationship with User Administrator
 * has expired.
 */
export const ALPINE_SKI_HOUSE = '86d9c571-b1fe-48b9-93bf-26e5c557d77e';
export const HUMONGOUS_INSURANCE = '8826a443-cc53-4256-a4bf-93fb573bb931';
export const LUCERNE_PUBLISHING = 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08';

const seedRelationships: readonly SeedRelationship[] = [
  { customerId: ALPINE_SKI_HOUSE, roles: [directoryReaders] },
  { customerId: LUCERNE_PUBLISHING, roles: [privilegedAuthenticationAdministrator, directoryReaders] },
  { customerId: LUCERNE_PUBLISHING, roles: [userAdministrator], status: 'expired' },
];
const customersWithoutRelationship = new Set([HUMONGOUS_INSURANCE]);

const RELATIONSHIP_DAYS = 730;

/** The partner's GDAP relationships per customer, built on first use; tests may grant or revoke roles. */
export class GdapBook {
  private readonly byCustomer = new Map<string, GdapRelationshipRecord[]>();

  constructor(private readonly startedAt: Date) {}

  relationshipsOf(customerId: string, customerName: string): readonly GdapRelationshipRecord[] {
    const key = customerId.toLowerCase();
    let relationships = this.byCustomer.get(key);
    if (!relationships) {
      relationships = this.seeded(customerId, customerName);
      this.byCustomer.set(key, relationships);
    }
    return relationships;
  }

  /** Role template ids granted by the customer's active relationships, as of `now`. */
  activeRoleIds(customerId: string, customerName: string, now: Date): Set<string> {
    const roles = new Set<string>();
    for (const relationship of this.relationshipsOf(customerId, customerName)) {
      if (statusAt(relationship, now) !== 'active') continue;
      for (const id of relationship.roleIds) roles.add(id.toLowerCase());
    }
    return roles;
  }

  /** Replaces the customer's relationships with one active relationship granting exactly `roleIds`. */
  setRoles(customerId: string, customerName: string, roleIds: readonly string[]): void {
    const key = customerId.toLowerCase();
    this.byCustomer.set(
      key,
      roleIds.length === 0 ? [] : [this.relationship(customerId, customerName, roleIds, 'active', 'test')],
    );
  }

  private seeded(customerId: string, customerName: string): GdapRelationshipRecord[] {
    const key = customerId.toLowerCase();
    if (customersWithoutRelationship.has(key)) return [];
    const seeds = seedRelationships.filter((seed) => seed.customerId === key);
    if (seeds.length === 0) {
      return [
        this.relationship(
          customerId,
          customerName,
          defaultGdapRoles.map((role) => role.id),
          'active',
          'default',
        ),
      ];
    }
    return seeds.map((seed, index) =>
      this.relationship(
        customerId,
        customerName,
        seed.roles.map((role) => role.id),
        seed.status ?? 'active',
        `seed-${index}`,
      ),
    );
  }

  private relationship(
    customerId: string,
    customerName: string,
    roleIds: readonly string[],
    status: GdapStatus,
    label: string,
  ): GdapRelationshipRecord {
    const created = addMs(this.startedAt, -(status === 'expired' ? 2 * RELATIONSHIP_DAYS : 90) * DAY_MS);
    const endDateTime = addMs(created, RELATIONSHIP_DAYS * DAY_MS);
    return {
      id: `${stableGuid(`gdap:${customerId.toLowerCase()}:${label}`)}-${customerId.toLowerCase()}`,
      displayName: `${partnerOrganization.name} helpdesk – ${customerName}`.slice(0, 50),
      customerId,
      status,
      roleIds: [...roleIds],
      createdDateTime: created,
      activatedDateTime: addMs(created, 60_000),
      endDateTime,
    };
  }
}

/** A relationship past its end date counts as expired whatever its recorded status. */
export function statusAt(relationship: GdapRelationshipRecord, now: Date): GdapStatus {
  if (relationship.status === 'active' && relationship.endDateTime.getTime() <= now.getTime())
    return 'expired';
  return relationship.status;
}
