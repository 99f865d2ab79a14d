import type { AuditRecord } from './audit-log';
import { type Offer, offers } from './offers';
import type {
  AddressRecord,
  BillingProfileRecord,
  DirectoryRoleRecord,
  OrganizationRecord,
  ProvisioningStatus,
  ServiceRequestRecord,
  SubscriptionStatus,
  SupportTopicRecord,
} from './records';

/**
 * The documented sample data of reference §8, plus what the simulator needs around it.
 * Every value comes from the reference unless the record is marked `synthetic`: `true` means the whole
 * record is invented; a list names the invented fields. Ids the reference does not give are fixed GUIDs
 * chosen once, so they never change between runs.
 */
export type Synthetic = true | readonly string[];

export interface UserFixture {
  id: string;
  userPrincipalName: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  usageLocation?: string;
  /** Soft-deleted this many days before the simulator starts (the 30-day restore window runs from then). */
  deletedDaysAgo?: number;
  roleIds?: readonly string[];
  synthetic?: Synthetic;
}

export interface SubscriptionFixture {
  id: string;
  offer: Offer;
  friendlyName?: string;
  quantity: number;
  parentSubscriptionId?: string;
  creationDate: string;
  effectiveStartDate?: string;
  commitmentEndDate: string;
  status: SubscriptionStatus;
  provisioning?: ProvisioningStatus;
  /** Provisioning facts given by the reference (C4 example). */
  skuId?: string;
  autoRenewEnabled: boolean;
  billingCycle?: string;
  partnerId?: string;
  orderId: string;
  synthetic?: Synthetic;
}

/** Orders are built from the subscriptions that name them; this only adds documented order facts. */
export interface OrderFixture {
  id: string;
  creationDate: string;
  billingCycle: string;
}

export interface CustomerFixture {
  id: string;
  commerceId?: string;
  companyName: string;
  domain: string;
  address?: AddressRecord;
  email?: string;
  billingProfile?: BillingProfileRecord;
  relationshipToPartner?: string;
  allowDelegatedAccess?: boolean;
  indirectResellerId?: string;
  indirectProviderId?: string;
  users: readonly UserFixture[];
  subscriptions: readonly SubscriptionFixture[];
  orders?: readonly OrderFixture[];
  /** Where in the reference the record comes from. */
  source: string;
  synthetic?: Synthetic;
}

export const directoryRoles = {
  globalAdministrator: { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  helpdeskAdministrator: { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  userAccountAdministrator: {
    id: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    name: 'User Account Administrator',
  },
  serviceSupportAdministrator: {
    id: 'f023fd81-a637-4b56-95fd-791ac0226033',
    name: 'Service Support Administrator',
  },
  billingAdministrator: { id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', name: 'Billing Administrator' },
  passwordAdministrator: { id: '966707d0-3269-4727-9be2-8c3a10f19b9d', name: 'Password Administrator' },
} satisfies Record<string, DirectoryRoleRecord>;

/**
 * The roles every tenant offers. Helpdesk Administrator and User Account Administrator are documented;
 * f023fd81-… is documented without a name; the other ids are the well-known Azure AD role templates for
 * the portal's "Global admin", "Billing admin" and "Password admin" labels (synthetic here).
 */
export const tenantDirectoryRoles: readonly DirectoryRoleRecord[] = Object.values(directoryRoles);

/** The partner the simulator plays (reference §8 "Partner-side data"); its id is synthetic. */
export const partnerOrganization: OrganizationRecord = {
  id: 'be3b9c4c-f5cd-4d1b-b00e-346414f74472',
  name: 'Contoso',
  phoneNumber: '+1(123)456-78-90',
};

/** Tenant ids of the indirect reseller and indirect provider some customers are attached to (synthetic). */
export const indirectPartners = {
  reseller: 'c945dabb-134d-4124-817b-5325fd9cc936',
  provider: 'b249e6ad-43af-42f8-8b60-305049220f12',
};

const redmond: AddressRecord = {
  country: 'US',
  region: 'WA',
  city: 'Redmond',
  addressLine1: '1 Microsoft Way',
  postalCode: '98052',
};

const { globalAdministrator, helpdeskAdministrator, userAccountAdministrator, serviceSupportAdministrator } =
  directoryRoles;

/** A tenant admin (Global Administrator) invented for a documented customer that has no documented users. */
function admin(id: string, domain: string, displayName: string): UserFixture {
  return {
    id,
    userPrincipalName: `admin@${domain}`,
    displayName,
    roleIds: [globalAdministrator.id],
    synthetic: true,
  };
}

function active(
  id: string,
  offer: Offer,
  quantity: number,
  orderId: string,
  creationDate: string,
  extra: Partial<SubscriptionFixture> = {},
): SubscriptionFixture {
  return {
    id,
    offer,
    quantity,
    orderId,
    creationDate,
    commitmentEndDate: offer.billingType === 'usage' ? '9999-12-10T00:00:00Z' : nextYear(creationDate),
    status: 'active',
    autoRenewEnabled: offer.billingType !== 'usage',
    billingCycle: offer.billingType === 'usage' ? 'monthly' : 'annual',
    synthetic: true,
    ...extra,
  };
}

function nextYear(isoDate: string): string {
  const date = new Date(isoDate);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

const DT_DEMO = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';

export const seedCustomers: readonly CustomerFixture[] = [
  {
    id: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
    companyName: 'Contoso190',
    domain: 'contoso190.onmicrosoft.com',
    source: '002 ~8074-8190',
    users: [admin('47b21d4f-a7e3-4111-a680-5f3dfefe0703', 'contoso190.onmicrosoft.com', 'Contoso190 admin')],
    subscriptions: [
      active(
        '0200cc91-da62-4023-b0d1-0e868c9492bc',
        offers.office365E3,
        25,
        '8eea80cb-f5d3-4a33-9d03-fe6552f0fd0c',
        '2019-04-02T09:12:44Z',
      ),
      active(
        '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
        offers.businessPremium,
        10,
        'f5c78f8d-8e9e-4e27-9a49-fb4d2b68c404',
        '2021-09-14T15:03:10Z',
        { provisioning: 'pending' },
      ),
    ],
  },
  {
    id: '7b26b357-9ca3-48b8-a58e-4febe2662a5d',
    companyName: 'Contoso',
    domain: 'ContosoCorpCo.onmicrosoft.com',
    source: '002 ~8074-8190',
    indirectResellerId: indirectPartners.reseller,
    users: [admin('320b798a-3653-417b-9f32-83bf96860d67', 'ContosoCorpCo.onmicrosoft.com', 'Contoso admin')],
    subscriptions: [
      active(
        '7d9ac608-d87c-439f-a4aa-a6e2ce7080ae',
        offers.exchangePlan1,
        40,
        '320c80e2-ba8f-4b50-80c0-bcd11ba6689d',
        '2018-11-20T10:00:00Z',
        { status: 'suspended' },
      ),
      // An add-on whose parent is suspended: reactivating it answers 409 27009.
      active(
        '63556860-c08f-4902-aa73-9aeb6d70a893',
        offers.exchangeArchiving,
        40,
        '320c80e2-ba8f-4b50-80c0-bcd11ba6689d',
        '2018-11-20T10:00:00Z',
        { status: 'suspended', parentSubscriptionId: '7d9ac608-d87c-439f-a4aa-a6e2ce7080ae' },
      ),
      active(
        '7564df52-1583-4b52-b9c8-1be8edf62c46',
        offers.office365E1,
        15,
        '3a25355f-ced7-4824-aa9c-0b7e52932018',
        '2020-02-03T08:30:00Z',
      ),
    ],
  },
  {
    id: 'bfbd6ef0-311f-47ec-bbd7-0fcb7846661b',
    companyName: 'Contoso',
    domain: 'contosocorpdemo.onmicrosoft.com',
    source: '002 ~8074-8190; get-a-customer-by-name.md',
    users: [
      admin('5cacb406-007b-423f-8208-ec92b82e0694', 'contosocorpdemo.onmicrosoft.com', 'Contoso demo admin'),
    ],
    subscriptions: [
      active(
        'b1b9da60-ba09-4191-aab3-b86112533159',
        offers.azure,
        1,
        'f6e20a92-ee7a-4aa1-8fe4-be88aefc02ac',
        '2019-06-11T12:45:00Z',
      ),
      active(
        'e045e9b6-e997-4a62-97b4-225e5de530ef',
        offers.powerBiPro,
        5,
        '395644ef-fe04-427d-a432-048ac815e99c',
        '2022-01-17T16:20:00Z',
        { provisioning: 'failed' },
      ),
    ],
  },
  {
    id: '81a570b1-db47-4da6-9abd-a31abacd60b8',
    companyName: 'ACME Corporation',
    domain: 'ACMECorporation1949.onmicrosoft.com',
    address: {
      country: 'US',
      region: 'CA',
      city: 'Los Angeles',
      addressLine1: '1 Tower Lane',
      postalCode: '90001',
    },
    email: 'mblanc@outlook.com',
    source: '002 ~1640-1675, ~4625-4640, ~2140, ~10160-10180',
    users: [
      {
        id: 'f668046b-8bc3-49e8-87b2-60f727971fe5',
        userPrincipalName: 'melvin@ACMECorporation1949.onmicrosoft.com',
        firstName: 'Melvin',
        lastName: 'Blanc',
        displayName: 'Melvin Blanc',
        usageLocation: 'US',
        roleIds: [globalAdministrator.id],
        synthetic: ['id', 'userPrincipalName'],
      },
    ],
    // Documented: no license-based subscriptions, one usage-based Azure subscription.
    subscriptions: [
      active(
        '5E04BAA7-2C68-4B53-94DD-601404FD3A56',
        offers.azure,
        1,
        'fdfa9ead-4c8d-408f-a2e6-008c89483d02',
        '2017-08-01T18:22:10Z',
        { synthetic: ['orderId', 'creationDate'] },
      ),
    ],
  },
  {
    id: '9f8a5686-b4e4-455a-acd6-4c3f9b1de284',
    companyName: 'Wolfram & Hart',
    domain: 'wolframandhart2001.onmicrosoft.com',
    source: '002 ~5686-5696, ~7882',
    users: [
      admin(
        '0993c5d7-960f-4178-bec5-4fe065592450',
        'wolframandhart2001.onmicrosoft.com',
        'Wolfram & Hart admin',
      ),
    ],
    subscriptions: [
      active(
        '408b7013-0744-4415-b4d6-f753f7f64dd4',
        offers.businessStandard,
        30,
        '11792c9a-8621-4611-b2f4-a7c159b8bbd2',
        '2020-10-05T11:00:00Z',
      ),
      // Just added through the "Add subscriptions" flow: pending until provisioning completes.
      active(
        '76855a86-0c4d-48a6-87fc-4c262f67a751',
        offers.teamsEssentials,
        12,
        '857f1721-9778-4d58-b393-4d64aff4f04e',
        '2024-03-18T09:40:00Z',
        { status: 'pending', provisioning: 'pending' },
      ),
    ],
  },
  {
    id: DT_DEMO,
    companyName: 'DT Demo CSP Customer 005',
    domain: 'dtdemocspcustomer005.onmicrosoft.com',
    address: { ...redmond, city: 'Redmond ', phoneNumber: '4155551212' },
    email: 'daniel@hotmail.comtw',
    source: '002 ~7491-7537 and the user/subscription REST examples',
    users: [
      {
        id: 'a9ef48bb-8758-4590-a312-d4a47bfaded4',
        userPrincipalName: 'Daniel@dtdemocspcustomer005.onmicrosoft.com',
        firstName: 'Daniel',
        lastName: 'Tsai',
        displayName: 'Daniel Tsai',
        usageLocation: 'US',
        roleIds: [helpdeskAdministrator.id, userAccountAdministrator.id],
        synthetic: ['roleIds'],
      },
      {
        id: '6e668259-1f09-479d-bcb8-d9b03e826b8d',
        userPrincipalName: 'admin@dtdemocspcustomer005.onmicrosoft.com',
        firstName: 'Daniel',
        lastName: 'Tsai',
        displayName: 'DT Demo CSP Customer 005',
        roleIds: [globalAdministrator.id],
        synthetic: ['roleIds'],
      },
      {
        id: 'a45f1416-3300-4f65-9e8d-f123b397a4ea',
        userPrincipalName: 'e83763f7f2204ac384cfcd49f79f2749@dtdemocspcustomer005.onmicrosoft.com',
        firstName: 'Ferdinand',
        lastName: 'Filibuster',
        displayName: 'Ferdinand',
        usageLocation: 'US',
        // Deviation: the reference gives softDeletionTime 2017-01-20T00:33:34Z. Against today's clock that
        // user would be long purged, and he is the documented restore example, so he is deleted 5 days
        // before the simulator starts instead.
        deletedDaysAgo: 5,
        synthetic: ['softDeletionTime'],
      },
      {
        id: 'bdf6aa1f-1806-4a59-a173-7d03a52acece',
        userPrincipalName: 'Donovan@dtdemocspcustomer005.onmicrosoft.com',
        firstName: 'Donovan',
        lastName: 'Luong',
        displayName: 'Donovan Luong',
        usageLocation: 'US',
        roleIds: [serviceSupportAdministrator.id],
        // The reference prints Daniel Tsai's id for him (§9 item 24).
        synthetic: ['id'],
      },
    ],
    subscriptions: [
      {
        id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99',
        offer: offers.azure,
        friendlyName: 'Microsoft Azure',
        quantity: 1,
        creationDate: '2016-05-10T07:30:05.427Z',
        effectiveStartDate: '2016-05-10T00:00:00Z',
        commitmentEndDate: '9999-12-10T00:00:00Z',
        status: 'active',
        autoRenewEnabled: false,
        orderId: 'B23FDEDD-D6BD-415A-8B71-3624C81C9644',
      },
      {
        id: '1C2B75C1-74A5-472A-A729-7F8CEFC477F9',
        offer: offers.exchangePlan1,
        quantity: 2,
        creationDate: '2017-02-10T08:00:00Z',
        commitmentEndDate: '2018-02-10T00:00:00Z',
        status: 'active',
        autoRenewEnabled: true,
        billingCycle: 'monthly',
        orderId: '602cb3de-163c-4139-946c-fd8578e4de2b',
        // The add-on's parent is documented by id only.
        synthetic: ['offer', 'quantity', 'creationDate', 'commitmentEndDate', 'orderId'],
      },
      {
        id: '968BA1CF-C146-4ADF-A300-308DCF718EEE',
        offer: offers.exchangeArchiving,
        friendlyName: 'Some friendly name',
        quantity: 2,
        parentSubscriptionId: '1C2B75C1-74A5-472A-A729-7F8CEFC477F9',
        creationDate: '2017-02-10T08:05:00Z',
        commitmentEndDate: '2018-02-10T00:00:00Z',
        status: 'active',
        autoRenewEnabled: true,
        billingCycle: 'monthly',
        orderId: 'CF3B0E37-BE0B-4CDD-B584-D1A97D98A922',
        synthetic: ['creationDate'],
      },
      {
        id: '1DA3295E-C59A-476C-A7E7-D7E981FE79BE',
        offer: { ...offers.businessPremium, offerId: '84A03D81-6B37-4D66-8D4A-FAEA24541538' },
        friendlyName: 'new offer purchase',
        quantity: 5,
        creationDate: '2017-03-30T00:00:00Z',
        commitmentEndDate: '2018-03-30T00:00:00Z',
        status: 'active',
        autoRenewEnabled: true,
        billingCycle: 'monthly',
        orderId: '074bd849-9106-405c-9923-fa061839d487',
        synthetic: ['offerName', 'commitmentEndDate'],
      },
    ],
    orders: [
      {
        id: '074bd849-9106-405c-9923-fa061839d487',
        creationDate: '2017-03-30T00:00:00Z',
        billingCycle: 'monthly',
      },
    ],
  },
  {
    id: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
    companyName: 'Dakota mall',
    domain: 'dakotamall.onmicrosoft.com',
    address: {
      country: 'US',
      region: 'SD',
      city: 'Sioux Falls',
      addressLine1: '100 Main Ave',
      postalCode: '57104',
    },
    source: '002 ~6545-6690, ~6882, ~7879',
    synthetic: ['id', 'address'],
    users: [
      {
        id: '7f316de0-3bcc-4ccf-b17f-531a39437e67',
        userPrincipalName: 'admin@dakotamall.onmicrosoft.com',
        displayName: 'Dakota mall',
        roleIds: [globalAdministrator.id],
        synthetic: ['id', 'roleIds'],
      },
      {
        id: '46098a56-a329-406f-8511-e72ea17d44cd',
        userPrincipalName: 'jd1990@dakotamall.onmicrosoft.com',
        firstName: 'John',
        lastName: 'Doe',
        displayName: 'JohnDoe',
        usageLocation: 'US',
        roleIds: [userAccountAdministrator.id],
        synthetic: ['id'],
      },
      {
        id: '9ee43b2e-4d5e-4e27-9d99-6122e319bd49',
        userPrincipalName: 'megan.bowen@dakotamall.onmicrosoft.com',
        firstName: 'Megan',
        lastName: 'Bowen',
        displayName: 'Megan Bowen',
        usageLocation: 'US',
        roleIds: [helpdeskAdministrator.id],
        synthetic: true,
      },
      {
        id: '94a1f736-6795-4519-adf4-c10a9eb2d533',
        userPrincipalName: 'alex.wilber@dakotamall.onmicrosoft.com',
        firstName: 'Alex',
        lastName: 'Wilber',
        displayName: 'Alex Wilber',
        usageLocation: 'US',
        synthetic: true,
      },
      {
        id: '415f9de8-e816-4c30-be9c-36e70d5cf0cf',
        userPrincipalName: 'lidia.holloway@dakotamall.onmicrosoft.com',
        firstName: 'Lidia',
        lastName: 'Holloway',
        displayName: 'Lidia Holloway',
        usageLocation: 'CA',
        synthetic: true,
      },
      {
        id: '3a1aa550-150f-463e-82da-ae36446270e2',
        userPrincipalName: 'pradeep.gupta@dakotamall.onmicrosoft.com',
        firstName: 'Pradeep',
        lastName: 'Gupta',
        displayName: 'Pradeep Gupta',
        usageLocation: 'US',
        deletedDaysAgo: 2,
        synthetic: true,
      },
      {
        id: '61d9dbc1-fd68-436a-ae6b-2ca3c2068ff1',
        userPrincipalName: 'isaiah.langer@dakotamall.onmicrosoft.com',
        firstName: 'Isaiah',
        lastName: 'Langer',
        displayName: 'Isaiah Langer',
        usageLocation: 'US',
        deletedDaysAgo: 27,
        synthetic: true,
      },
    ],
    subscriptions: [
      active(
        'd8354bb4-41aa-4483-bb7a-6bfab02b45c0',
        offers.office365E3,
        25,
        '5d2345bb-6ec0-4d75-9e10-baab8e1a2ce8',
        '2018-07-09T14:10:00Z',
      ),
      active(
        '3b626592-82d0-49d8-ae7a-6de83248073f',
        offers.businessBasic,
        10,
        'b1bbc790-1962-4d7b-9863-a4d8fb1a0bb8',
        '2021-05-21T10:30:00Z',
      ),
    ],
  },
  {
    id: '3a3aee66-3704-40c5-886d-2e46781aac95',
    companyName: 'Sprindis Fence Company',
    domain: 'sprindisfences.onmicrosoft.com',
    source: '002 ~5691, ~7881',
    synthetic: ['id'],
    indirectResellerId: indirectPartners.reseller,
    users: [
      admin('b60757ef-beac-4912-b76b-8b17df092f7d', 'sprindisfences.onmicrosoft.com', 'Sprindis admin'),
    ],
    subscriptions: [
      active(
        'ec9f88c3-deb0-4f89-b280-7198c15e6e77',
        offers.businessBasic,
        8,
        '2d65a288-cb17-4cb8-84d7-6907825c4c36',
        '2019-03-12T09:00:00Z',
      ),
    ],
  },
  {
    id: 'c2b306bb-df8d-4ac7-87de-3adcbecdbbfd',
    companyName: 'Some Company2027011088',
    domain: 'SampleApplication2027011088.onmicrosoft.com',
    source: '002 ~7880',
    // Delegated admin revoked: provisioning status answers 403 2032 (reference C4).
    allowDelegatedAccess: false,
    synthetic: ['id', 'allowDelegatedAccess'],
    users: [
      admin(
        '9be8fbe3-70b0-4017-ae4c-a4b00977cba0',
        'SampleApplication2027011088.onmicrosoft.com',
        'Some Company admin',
      ),
    ],
    subscriptions: [
      active(
        'a408d22c-6628-49cd-93bd-1c3081592b16',
        offers.office365E1,
        3,
        '24f935bf-5141-43c4-976a-febd64d61155',
        '2017-01-11T10:00:00Z',
      ),
    ],
  },
  {
    id: '86d9c571-b1fe-48b9-93bf-26e5c557d77e',
    companyName: 'Alpine Ski House',
    domain: 'alpineskihouse.onmicrosoft.com',
    source: '002 ~714-718, ~5023-5027',
    synthetic: ['id'],
    indirectProviderId: indirectPartners.provider,
    users: [
      admin(
        '94849fb4-ac23-47c7-bbab-dbd82656c3e3',
        'alpineskihouse.onmicrosoft.com',
        'Alpine Ski House admin',
      ),
    ],
    subscriptions: [
      active(
        'fee63052-d40d-4d79-a1de-847502a13fa1',
        offers.businessStandard,
        20,
        'afe66ed7-3937-426b-8cb3-bb309c757a07',
        '2020-11-30T13:00:00Z',
      ),
    ],
  },
  {
    id: '8826a443-cc53-4256-a4bf-93fb573bb931',
    companyName: 'Humongous Insurance',
    domain: 'humongousinsurance.onmicrosoft.com',
    source: '002 ~714-718, ~5023-5027',
    synthetic: ['id'],
    users: [
      admin('18634ddb-ee2f-42bf-bf18-57c3a4cbece7', 'humongousinsurance.onmicrosoft.com', 'Humongous admin'),
    ],
    subscriptions: [
      active(
        'd25c5201-5099-4518-89aa-4e6836feeda3',
        offers.office365E5,
        50,
        '59c56050-7d9d-4816-aa63-6556480cbda9',
        '2019-09-01T08:00:00Z',
      ),
    ],
  },
  {
    id: 'cf4b81b9-d6c2-4979-a2f3-3c81661dcc08',
    companyName: 'Lucerne Publishing',
    domain: 'lucernepublishing.onmicrosoft.com',
    source: '002 ~714-718, ~5023-5027',
    synthetic: ['id'],
    users: [
      admin('71437fdb-37a9-4ddf-bec2-3bcb5a39d977', 'lucernepublishing.onmicrosoft.com', 'Lucerne admin'),
    ],
    subscriptions: [
      active(
        '25117899-e679-447c-bb3f-a5ad9bfed695',
        offers.visioPlan2,
        4,
        'c2b5fce3-5d95-4395-a204-41640d11378c',
        '2021-02-14T10:00:00Z',
        { status: 'suspended' },
      ),
    ],
  },
  {
    id: '798e5662-2f1f-44ef-91c7-d8d9f722400e',
    companyName: 'Northwind Traders',
    domain: 'northwindtraders.onmicrosoft.com',
    source: '002 ~714-718, ~5023-5027',
    synthetic: ['id'],
    users: [
      admin('46f36ff1-dea4-49c3-a933-5eb8f516d218', 'northwindtraders.onmicrosoft.com', 'Northwind admin'),
    ],
    subscriptions: [
      // Deleted: any PATCH answers 400 2011.
      active(
        '6a5073e0-4553-4257-a207-123cc4fe6bf8',
        offers.office365E3,
        12,
        '4862f7a2-6982-490f-ab57-46ea38d2528b',
        '2016-06-01T08:00:00Z',
        { status: 'deleted', autoRenewEnabled: false },
      ),
      active(
        '6cc035e6-0095-4a04-aca4-4461353dab92',
        offers.businessPremium,
        12,
        'fcab7509-210e-47b0-a4fa-948d0df6e27a',
        '2022-06-01T08:00:00Z',
      ),
    ],
  },
  {
    id: '566e2e6f-70f1-4f46-a7f4-f8a85b84954a',
    companyName: 'Proseware, Inc.',
    domain: 'proseware.onmicrosoft.com',
    source: '002 ~714-718, ~5023-5027',
    synthetic: ['id'],
    indirectResellerId: indirectPartners.reseller,
    users: [admin('cfee23da-7ffd-473b-bdfc-683fdf7e31e2', 'proseware.onmicrosoft.com', 'Proseware admin')],
    subscriptions: [
      active(
        'fe6371e4-c9a0-4fc4-9239-9012bc3f2c7b',
        offers.businessBasic,
        6,
        '283f4ce5-f2e1-4324-b79a-21e1d141ab8f',
        '2023-01-09T09:00:00Z',
      ),
    ],
  },
  {
    id: 'dfd8cc0a-c592-468c-8461-869a38d24738',
    commerceId: '0a4ce58a-6f96-4273-8035-d9c7d31b9ba4',
    companyName: 'Fourth Coffee',
    domain: 'fourthcoffeecsp.onmicrosoft.com',
    address: { ...redmond, addressLine1: 'One Microsoft Way', phoneNumber: '1234567890' },
    email: 'marshall@fourthcoffee.com',
    relationshipToPartner: 'none',
    billingProfile: {
      id: 'd17c0275-da92-5c33-9032-782ef1d0b69b',
      firstName: 'Marshall',
      lastName: 'Levi',
      email: 'marshall@fourthcoffee.com',
      culture: 'en-us',
      language: 'en',
      companyName: 'Fourth Coffee',
      defaultAddress: {
        ...redmond,
        addressLine1: 'One Microsoft Way',
        firstName: 'Marshall',
        lastName: 'Levi',
        phoneNumber: '1234567890',
      },
    },
    source: '002 ~826-887, ~5424-5560',
    users: [
      {
        ...admin(
          '78cda235-e8a6-4df3-87b3-444dcc86363d',
          'fourthcoffeecsp.onmicrosoft.com',
          'Fourth Coffee admin',
        ),
        synthetic: ['id', 'displayName'],
      },
    ],
    subscriptions: [
      active(
        '93e21bbe-825d-4adc-904c-9f86aaff975c',
        offers.businessPremium,
        10,
        '2f5d1043-cda3-4c09-a39f-a5a8d2713263',
        '2016-11-02T17:00:00Z',
      ),
    ],
  },
  {
    id: 'eebd1b55-5360-4438-a11d-5c06918c3014',
    commerceId: '99e6a635-48e7-424d-9059-c9db944e3c54',
    companyName: '1kl as kjk',
    domain: 'abcdefgh1234.ccsctp.net',
    address: {
      country: 'US',
      region: 'wa',
      city: 'redmond',
      addressLine1: '1 ms way',
      postalCode: '98052',
      phoneNumber: '1234567890',
    },
    email: 'a@a.com',
    billingProfile: {
      id: 'eeada110-69d6-4cc9-b093-75feb7ca9d3f',
      email: 'a@a.com',
      culture: 'en-US',
      language: 'en',
      companyName: '1kl as kjk',
      defaultAddress: {
        country: 'US',
        city: 'redmond',
        state: 'WA',
        addressLine1: '1 ms way',
        postalCode: '98052',
      },
      etag: '-4242348048554929329',
    },
    source: 'get-a-customer-by-id.md; 002 ~8004-8023, ~7205-7235, ~9158-9195',
    users: [
      {
        id: '4b10bf41-ab11-40e3-8c53-cd67849b50de',
        userPrincipalName: 'aaaa3@abcdefgh1234.ccsctp.net',
        firstName: 'First',
        lastName: 'Last',
        displayName: 'Updated user',
        usageLocation: 'US',
        synthetic: ['userPrincipalName', 'firstName', 'lastName', 'displayName'],
      },
      {
        id: '95794928-9abe-4548-8b43-50ffc20b9404',
        userPrincipalName: 'aaaa4@abcdefgh1234.ccsctp.net',
        firstName: 'First',
        lastName: 'Last',
        displayName: 'User name',
        usageLocation: 'AX',
      },
    ],
    subscriptions: [
      {
        id: '83ef9d05-4169-4ef9-9657-0e86b1eab1de',
        offer: {
          ...offers.office365E3,
          offerId: '0CCA44D6-68E9-4762-94EE-31ECE98783B9',
          unitType: 'none',
          billingType: 'none',
        },
        friendlyName: 'nickname',
        quantity: 2,
        creationDate: '2015-11-25T06:41:12Z',
        effectiveStartDate: '2015-11-24T08:00:00Z',
        commitmentEndDate: '2016-12-12T08:00:00Z',
        status: 'active',
        autoRenewEnabled: false,
        orderId: '6183db3d-6318-4e52-877e-25806e4971be',
        synthetic: ['offerName'],
      },
      active(
        '1d72fc2b-a5ae-44fe-971c-b512e538d42a',
        { ...offers.office365E1, offerId: '031C9E47-4802-4248-838E-778FB1D2CC05' },
        1,
        'd6595733-265f-4918-a62e-026e64bc8384',
        '2015-10-08T17:42:36Z',
        { friendlyName: 'nickname', synthetic: ['id', 'offerName', 'commitmentEndDate'] },
      ),
      active(
        '2f5f34c5-092c-480d-880f-bdf90c3ec15e',
        { ...offers.exchangePlan1, offerId: '4271AA57-4129-477E-BA88-0A276D4A1619' },
        1,
        'b8fe2ddb-6e85-4f8b-a5ba-06c20ce6d6c5',
        '2015-11-25T06:41:12Z',
        { synthetic: ['id', 'offerName', 'quantity', 'commitmentEndDate'] },
      ),
    ],
    orders: [
      {
        id: 'd6595733-265f-4918-a62e-026e64bc8384',
        creationDate: '2015-10-08T17:42:36.54Z',
        billingCycle: 'monthly',
      },
      {
        id: 'b8fe2ddb-6e85-4f8b-a5ba-06c20ce6d6c5',
        creationDate: '2015-11-25T06:41:12Z',
        billingCycle: 'monthly',
      },
    ],
  },
  {
    id: '57aac927-ebd6-49f4-85f5-bc4df5b4130f',
    companyName: 'Fabrikam',
    domain: 'fabrikamretail.onmicrosoft.com',
    source: '002 ~2362-2385, ~14515',
    synthetic: ['id'],
    users: [
      {
        ...admin('896d0ea6-4676-4aa2-81a6-6c61591d927d', 'fabrikamretail.onmicrosoft.com', 'Fabrikam admin'),
        synthetic: ['id'],
      },
    ],
    subscriptions: [
      active(
        '4327C34B-75A7-489A-B823-822F9A1C7F12',
        offers.azure,
        1,
        '843e2571-1c0a-4a93-9940-37b3a73d4e28',
        '2018-04-23T10:00:00Z',
        { synthetic: ['orderId', 'creationDate'] },
      ),
    ],
  },
  {
    id: '777b90ee-cd9f-4455-bba8-28c10bd854e2',
    companyName: 'LULLABY LLC',
    domain: 'lullabyllc.onmicrosoft.com',
    source: '002 ~1881-1910',
    // The reference truncates the domain and the subscription id; both are completed here.
    synthetic: ['id', 'domain'],
    users: [admin('cea4b6a6-a4c1-4074-a079-b448100711c8', 'lullabyllc.onmicrosoft.com', 'LULLABY admin')],
    subscriptions: [
      active(
        '841fb73a-3261-4cfc-9e52-7d0c4a1e9b36',
        offers.azure,
        1,
        '9baa97f4-51dd-47ea-8867-edff7b5db366',
        '2019-12-02T10:00:00Z',
      ),
    ],
  },
  {
    id: '0c39d6d5-c70d-4c55-bc02-f620844f3fd1',
    companyName: 'Adventure Works',
    domain: 'adventureworkscsp.onmicrosoft.com',
    source: '002 ~9973-10003 (provisioning status example)',
    synthetic: ['companyName', 'domain'],
    users: [
      admin(
        '1c9ea1eb-1b92-4a98-9a63-8db0dae7167e',
        'adventureworkscsp.onmicrosoft.com',
        'Adventure Works admin',
      ),
    ],
    subscriptions: [
      active(
        '34828C05-C16C-4D6F-9CFC-4D2650EF19A1',
        offers.office365E3,
        5,
        'b9687d8c-4c07-48d5-8a01-31780ac70cf3',
        '2017-05-10T00:00:00Z',
        {
          skuId: '6FD2C87F-B296-42F0-B197-1E91E994B900',
          commitmentEndDate: '2018-05-10T00:00:00Z',
          synthetic: ['offer', 'orderId', 'creationDate'],
        },
      ),
    ],
  },
  {
    id: 'c501c3c4-d776-40ef-9ecf-9cefb59442c1',
    companyName: 'Tailspin Toys',
    domain: 'tailspintoyscsp.onmicrosoft.com',
    source: '002 ~11668-11735 (subscriptions by partner MPN id)',
    synthetic: ['companyName', 'domain'],
    users: [
      admin('31d69261-4629-45b5-97f6-a2f0f972af3f', 'tailspintoyscsp.onmicrosoft.com', 'Tailspin Toys admin'),
    ],
    subscriptions: [
      active(
        '42226ED6-070A-4E0F-B80C-4CDFB3E97AA7',
        offers.intuneDevice,
        5,
        '3EDDCAC6-63B2-4C40-B0B6-F47E18301492',
        '2017-10-02T00:00:00Z',
        { partnerId: '4847383', billingCycle: 'monthly', synthetic: ['creationDate'] },
      ),
    ],
  },
  {
    id: '49bd2a7e-0776-487d-99f6-e7536fb82049',
    companyName: 'Customer',
    domain: 'customer49bd2a7e.onmicrosoft.com',
    source: '002 ~12379 (audit record example)',
    synthetic: ['domain'],
    users: [
      admin('3df28561-d913-4d49-bd20-34879dc53331', 'customer49bd2a7e.onmicrosoft.com', 'Customer admin'),
    ],
    subscriptions: [
      active(
        '77bbfe36-5a7b-4975-b745-1c37aeb1ba1f',
        offers.office365Business,
        2,
        '6a68714f-aef7-42c4-a183-c6faf0bfbb08',
        '2016-05-10T18:34:37Z',
        { friendlyName: 'Office 365 Business' },
      ),
    ],
  },
  // Two invented customers whose names carry characters that break naive query and JSON handling.
  {
    id: 'ee7ab480-ea16-446b-93d7-5eefa60a8615',
    companyName: '"Quoted" {Braces} & 100% Co',
    domain: 'quotedbraces.onmicrosoft.com',
    source: 'none: hostile-string fixture',
    synthetic: true,
    users: [admin('de6eb477-d5cc-4712-bcff-7441b430504a', 'quotedbraces.onmicrosoft.com', 'Quoted admin')],
    subscriptions: [],
  },
  {
    id: '74d890ab-25ca-4cda-9be1-a1c974eb719d',
    companyName: '東京コーヒー 🚀 株式会社',
    domain: 'tokyocoffee.onmicrosoft.com',
    address: { country: 'JP', city: '東京', addressLine1: '千代田区1-1', postalCode: '100-0001' },
    source: 'none: hostile-string fixture',
    synthetic: true,
    users: [admin('d9deffb9-b4fa-4aec-98f7-0cbe09d32daa', 'tokyocoffee.onmicrosoft.com', '東京 管理者')],
    subscriptions: [],
  },
];

/** Reference D2: 14 topics, of which two are documented; the other twelve are synthetic. */
export const supportTopics: readonly SupportTopicRecord[] = [
  topic(
    32444667,
    'Partner Center Issues',
    'Office 365 questions from the CSP (Cloud Solution Provider) partners using Partner Center',
    'Problèmes liés à l’Espace partenaires',
  ),
  topic(
    32444671,
    'Cannot manage my profile',
    'Issues that are related to errors or problems with managing a profile',
    'Impossible de gérer mon profil',
  ),
  topic(
    32444672,
    'Billing and invoices',
    'Questions about invoices, charges and payment',
    'Facturation et factures',
  ),
  topic(
    32444673,
    'Customer account management',
    'Adding customers, relationships and delegated administration',
    'Gestion des comptes clients',
  ),
  topic(
    32444674,
    'Subscription management',
    'Changing, suspending or reactivating customer subscriptions',
    'Gestion des abonnements',
  ),
  topic(
    32444675,
    'Users and licenses',
    'Creating users, resetting passwords and assigning licenses',
    'Utilisateurs et licences',
  ),
  topic(
    32444676,
    'Orders and purchases',
    'Placing orders and problems with purchases',
    'Commandes et achats',
  ),
  topic(
    32444677,
    'Service health',
    'Service incidents and advisories that affect customers',
    'État du service',
  ),
  topic(
    32444678,
    'Partner Center API',
    'Errors and questions about the Partner Center REST API and SDK',
    'API de l’Espace partenaires',
  ),
  topic(32444679, 'Exchange Online', 'Mail flow, mailboxes and Exchange administration', 'Exchange Online'),
  topic(32444680, 'SharePoint and OneDrive', 'Sites, storage and file sharing', 'SharePoint et OneDrive'),
  topic(32444681, 'Microsoft Teams', 'Meetings, calling and Teams administration', 'Microsoft Teams'),
  topic(
    32444682,
    'Security and compliance',
    'Identity protection, compliance and data governance',
    'Sécurité et conformité',
  ),
  topic(
    32444683,
    'Incentives and programs',
    'CSP program requirements and partner incentives',
    'Incitations et programmes',
  ),
];

function topic(id: number, name: string, description: string, french: string): SupportTopicRecord {
  return { id, name, description, localizedNames: { 'fr-fr': french } };
}

const testOrganization: OrganizationRecord = {
  id: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  name: 'TEST_TEST_BugBash1',
  phoneNumber: '2398391056',
};

/**
 * Reference D3-D5 examples, plus one synthetic request waiting on the partner. Tying the documented
 * "Test" request to DT Demo CSP Customer 005 is synthetic too: the reference does not name its customer.
 */
export const seedServiceRequests: readonly ServiceRequestRecord[] = [
  {
    id: '616122292874576',
    title: 'TrialSR',
    description: 'Ignore this SR',
    severity: 'critical',
    supportTopicId: '32444671',
    supportTopicName: 'Cannot manage my profile',
    status: 'open',
    organization: testOrganization,
    primaryContact: {
      organization: testOrganization,
      contactId: 'bb4ebcf5-d84c-4b35-8469-f4cfa4ac909e',
      lastName: 'Account',
      email: 'admin@testtestbugbash1.onmicrosoft.com',
      phoneNumber: '2066017143',
    },
    productId: '15960',
    createdDate: '2016-12-22T20:31:17.24Z',
    lastModifiedDate: '2017-01-09T23:31:15.373Z',
    lastClosedDate: '0001-01-01T00:00:00',
    notes: [{ createdByName: 'Account', createdDate: '2017-01-09T23:31:15.373', text: 'Sample Note' }],
    countryCode: 'US',
  },
  {
    id: '615112491169010',
    customerId: DT_DEMO,
    title: 'Test',
    description: 'Test',
    severity: 'unknown',
    supportTopicId: '32444667',
    supportTopicName: 'Partner Center Issues',
    status: 'open',
    organization: partnerOrganization,
    primaryContact: { firstName: 'FirstName', lastName: 'LastName' },
    createdDate: '2015-11-24T01:07:00.863',
    lastModifiedDate: '2015-11-24T01:17:10.61',
    lastClosedDate: '0001-01-01T00:00:00',
    notes: [],
    countryCode: 'US',
  },
  // Synthetic.
  {
    id: '617290345512881',
    customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
    title: 'Mailbox migration stuck',
    description: 'Three mailboxes have been in the "syncing" state for two days.',
    severity: 'moderate',
    supportTopicId: '32444679',
    supportTopicName: 'Exchange Online',
    status: 'attention_needed',
    organization: partnerOrganization,
    primaryContact: {
      organization: partnerOrganization,
      firstName: 'John',
      lastName: 'Johnson',
      email: 'john@contoso.onmicrosoft.com',
    },
    createdDate: '2024-02-12T09:15:00Z',
    lastModifiedDate: '2024-02-13T16:40:00Z',
    lastClosedDate: '0001-01-01T00:00:00',
    notes: [
      {
        createdByName: 'Microsoft Support',
        createdDate: '2024-02-13T16:40:00Z',
        text: 'Please send the migration batch name.',
      },
    ],
    countryCode: 'US',
  },
];

/** Reference E1: the documented activity record (its JSON escaping normalized, §9 item 24). */
export const seedAuditRecords: readonly AuditRecord[] = [
  {
    id: '180a02ea-8c5d-46c6-9f14-4687012b30a7',
    partnerId: partnerOrganization.id,
    customerId: '49bd2a7e-0776-487d-99f6-e7536fb82049',
    customerName: 'Customer',
    userPrincipalName: 'user@domain.onmicrosoft.com',
    applicationId: '87fe183e-041c-4cf7-b221-c065d9582cde',
    resourceType: 'order',
    resourceNewValue: JSON.stringify({
      Id: null,
      ReferenceCustomerId: '49bd2a7e-0776-487d-99f6-e7536fb82049',
      LineItems: [
        { OfferId: '5C9FD4CC-EDCE-44A8-8E91-07DF09744609', FriendlyName: 'Office 365 Business', Quantity: 2 },
      ],
    }),
    operationType: 'create_order',
    operationDate: '2016-05-10T18:34:37.5980461Z',
    operationStatus: 'succeeded',
    originalCorrelationId: '94588c3f-5e41-4dbd-986f-1d5146453a46',
    sessionId: '9c75b432-a7b3-4772-bff1-c9d44b190b98',
    customizedData: [],
  },
];
