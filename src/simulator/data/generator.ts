import { intBetween, pick, type Random, randomGuid, seededRandom } from '../prng';
import { generatorOffers } from './offers';
import type { AddressRecord, SubscriptionStatus } from './records';
import type { CustomerContentFixture, CustomerProfileFixture } from './seed';
import { directoryRoles, indirectPartners, type SubscriptionFixture, type UserFixture } from './seed-data';

/**
 * Deterministic extra customers for load and paging tests. Customer `index` always gets the same
 * profile; its users and subscriptions are drawn from a separate seeded sequence only when first needed,
 * so thousands of customers cost little until they are used.
 */
export interface GeneratedCustomer {
  profile: CustomerProfileFixture;
  content: () => CustomerContentFixture;
}

const nameStarts = [
  'Aurora',
  'Birchwood',
  'Bluewater',
  'Cascade',
  'Cedar',
  'Copperleaf',
  'Crescent',
  'Driftwood',
  'Evergreen',
  'Falcon',
  'Fieldstone',
  'Granite',
  'Harbor',
  'Highland',
  'Horizon',
  'Ironbridge',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Maple',
  'Meridian',
  'Northgate',
  'Oakridge',
  'Pinnacle',
  'Quarry',
  'Redwood',
  'Riverbend',
  'Sagebrush',
  'Silverline',
  'Summit',
  'Tidewater',
  'Timberline',
  'Valley',
  'Westbrook',
  'Willow',
  'Zenith',
];
const nameTrades = [
  'Analytics',
  'Bakery',
  'Builders',
  'Consulting',
  'Dental',
  'Design',
  'Electric',
  'Engineering',
  'Farms',
  'Fitness',
  'Foods',
  'Freight',
  'Health',
  'Hotels',
  'Insurance',
  'Interiors',
  'Landscaping',
  'Legal',
  'Logistics',
  'Manufacturing',
  'Marine',
  'Media',
  'Medical',
  'Motors',
  'Outfitters',
  'Pharmacy',
  'Plumbing',
  'Properties',
  'Realty',
  'Robotics',
  'Software',
  'Studios',
  'Supply',
  'Systems',
  'Textiles',
  'Travel',
];
const nameForms = [
  '',
  ' Inc.',
  ' LLC',
  ' Ltd',
  ' GmbH',
  ' Group',
  ' Co.',
  ' Partners',
  ' S.A.',
  ' Pty Ltd',
  ' AB',
  ' BV',
];
const places: readonly AddressRecord[] = [
  { country: 'US', region: 'WA', city: 'Seattle', addressLine1: '400 Pine St', postalCode: '98101' },
  { country: 'US', region: 'TX', city: 'Austin', addressLine1: '100 Congress Ave', postalCode: '78701' },
  { country: 'US', region: 'NY', city: 'Buffalo', addressLine1: '50 Fountain Plaza', postalCode: '14202' },
  { country: 'CA', region: 'ON', city: 'Toronto', addressLine1: '200 Bay St', postalCode: 'M5J 2J2' },
  { country: 'GB', city: 'Leeds', addressLine1: '1 Park Row', postalCode: 'LS1 5AB' },
  { country: 'DE', city: 'Hamburg', addressLine1: 'Jungfernstieg 7', postalCode: '20354' },
  { country: 'FR', city: 'Lyon', addressLine1: '12 Rue de la République', postalCode: '69002' },
  { country: 'NL', city: 'Utrecht', addressLine1: 'Catharijnesingel 30', postalCode: '3511 GB' },
  { country: 'SE', city: 'Göteborg', addressLine1: 'Kungsportsavenyen 10', postalCode: '411 36' },
  { country: 'AU', region: 'NSW', city: 'Sydney', addressLine1: '1 Market St', postalCode: '2000' },
];
const firstNames = [
  'Adele',
  'Alex',
  'Allan',
  'Ana',
  'Ben',
  'Carlos',
  'Chen',
  'Diego',
  'Emily',
  'Fatima',
  'Grady',
  'Hana',
  'Henrietta',
  'Isabel',
  'Jamal',
  'Joni',
  'Kenji',
  'Lee',
  'Lynne',
  'Maria',
  'Miriam',
  'Nestor',
  'Olga',
  'Patti',
  'Priya',
  'Raul',
  'Sofia',
  'Tomás',
  'Wei',
  'Zoe',
];
const lastNames = [
  'Andersen',
  'Bauer',
  'Brown',
  'Chen',
  'Costa',
  'Dubois',
  'Fernandes',
  'García',
  'Hansen',
  'Ito',
  'Johansson',
  'Kowalski',
  'Kumar',
  'Larsen',
  'Martin',
  'Müller',
  "O'Brien",
  'Novak',
  'Okafor',
  'Patel',
  'Rossi',
  'Sato',
  'Schmidt',
  'Silva',
  'Smith',
  'Tanaka',
  'Vargas',
  'Walsh',
  'Wong',
  'Zhang',
];

export function generatedCustomer(index: number): GeneratedCustomer {
  const random = seededRandom(`simulator-customer:${index}`);
  const start = pick(random, nameStarts);
  const trade = pick(random, nameTrades);
  const companyName = `${start} ${trade}${pick(random, nameForms)}`;
  const slug = `${start}${trade}`.toLowerCase();
  const domain = `${slug}${1000 + index}.onmicrosoft.com`;
  const channel = random();
  const profile: CustomerProfileFixture = {
    id: randomGuid(random),
    companyName,
    domain,
    address: pick(random, places),
    email: `contact@${slug}.com`,
    indirectResellerId: channel < 0.15 ? indirectPartners.reseller : undefined,
    indirectProviderId: channel >= 0.15 && channel < 0.2 ? indirectPartners.provider : undefined,
  };
  return { profile, content: () => generatedContent(index, domain, profile.address?.country ?? 'US') };
}

function generatedContent(index: number, domain: string, country: string): CustomerContentFixture {
  const random = seededRandom(`simulator-customer-content:${index}`);
  return { users: generatedUsers(random, domain, country), subscriptions: generatedSubscriptions(random) };
}

function generatedUsers(random: Random, domain: string, country: string): UserFixture[] {
  const users: UserFixture[] = [
    {
      id: randomGuid(random),
      userPrincipalName: `admin@${domain}`,
      displayName: 'Administrator',
      roleIds: [directoryRoles.globalAdministrator.id],
      synthetic: true,
    },
  ];
  const taken = new Set(['admin']);
  const activeCount = intBetween(random, 2, 6);
  const deletedCount = intBetween(random, 0, 2);
  for (let i = 0; i < activeCount + deletedCount; i++) {
    const firstName = pick(random, firstNames);
    const lastName = pick(random, lastNames);
    const alias = uniqueAlias(`${firstName}.${lastName}`, taken);
    users.push({
      id: randomGuid(random),
      userPrincipalName: `${alias}@${domain}`,
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      usageLocation: country,
      deletedDaysAgo: i >= activeCount ? intBetween(random, 1, 29) : undefined,
      roleIds: i === 0 ? [directoryRoles.helpdeskAdministrator.id] : [],
      synthetic: true,
    });
  }
  return users;
}

function uniqueAlias(name: string, taken: Set<string>): string {
  const base = name
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  let alias = base;
  for (let n = 2; taken.has(alias); n++) alias = `${base}${n}`;
  taken.add(alias);
  return alias;
}

function generatedSubscriptions(random: Random): SubscriptionFixture[] {
  const count = intBetween(random, 1, 4);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(intBetween(random, 0, generatorOffers.length - 1));
  return [...chosen].map((offerIndex) => {
    const offer = generatorOffers[offerIndex] as (typeof generatorOffers)[number];
    const usage = offer.billingType === 'usage';
    const created = new Date(
      Date.UTC(intBetween(random, 2016, 2025), intBetween(random, 0, 11), intBetween(random, 1, 28)),
    );
    const status = pickStatus(random);
    const end = new Date(created);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    return {
      id: randomGuid(random),
      offer,
      quantity: usage ? 1 : intBetween(random, 1, 300),
      creationDate: created.toISOString().replace('.000', ''),
      commitmentEndDate: usage ? '9999-12-10T00:00:00Z' : end.toISOString().replace('.000', ''),
      status,
      provisioning:
        status === 'active' ? pickProvisioning(random) : status === 'pending' ? 'pending' : 'success',
      autoRenewEnabled: !usage && random() < 0.8,
      billingCycle: usage ? 'monthly' : pick(random, ['monthly', 'annual']),
      orderId: randomGuid(random),
      synthetic: true,
    };
  });
}

function pickStatus(random: Random): SubscriptionStatus {
  const roll = random();
  if (roll < 0.06) return 'suspended';
  if (roll < 0.08) return 'pending';
  if (roll < 0.1) return 'deleted';
  return 'active';
}

function pickProvisioning(random: Random): 'success' | 'pending' | 'failed' {
  const roll = random();
  if (roll < 0.04) return 'pending';
  if (roll < 0.07) return 'failed';
  return 'success';
}
