import type {
  Address,
  Customer,
  CustomerUser,
  DirectoryRole,
  Link,
  ResourceAttributes,
  ServiceRequest,
  ServiceRequestNote,
  Subscription,
  SubscriptionProvisioningStatus,
  SupportTopic,
} from './models';
import { JsonFields, UnexpectedShapeError } from './tolerant-json';

/**
 * Readers from Partner Center JSON to the resource models (reference §3). Unknown properties are dropped:
 * a model carries only what the bot uses, so an echoed passwordProfile never leaves this module.
 */

/** SDK enum orders, for the integer form of enums (reference §2.5, §3.7, §3.10). */
export const ordinals = {
  serviceRequestSeverity: ['unknown', 'critical', 'moderate', 'minimal'],
  serviceRequestStatus: ['none', 'open', 'closed', 'attention_needed'],
  subscriptionStatus: ['none', 'active', 'suspended', 'deleted'],
} as const;

type Reader<T> = (raw: unknown) => T;

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

function readAttributes(fields: JsonFields, what: string): ResourceAttributes | undefined {
  const attributes = fields.object('attributes', what);
  if (!attributes) return undefined;
  return defined({ objectType: attributes.string('objectType'), etag: attributes.string('etag') });
}

export function readLink(raw: unknown): Link {
  const fields = new JsonFields(raw, 'link');
  const headers = (fields.array('headers') ?? []).map((header) => {
    const pair = new JsonFields(header, 'link.headers[]');
    return { key: pair.string('key') ?? '', value: pair.string('value') ?? '' };
  });
  return { uri: fields.requiredString('uri', 'link'), method: fields.string('method') ?? 'GET', headers };
}

function readAddress(fields: JsonFields | undefined): Address | undefined {
  if (!fields) return undefined;
  return defined({
    country: fields.string('country'),
    region: fields.string('region'),
    city: fields.string('city'),
    state: fields.string('state'),
    addressLine1: fields.string('addressLine1'),
    addressLine2: fields.string('addressLine2'),
    postalCode: fields.string('postalCode'),
    phoneNumber: fields.string('phoneNumber'),
  });
}

export const readCustomer: Reader<Customer> = (raw) => {
  const fields = new JsonFields(raw, 'customer');
  const id = fields.requiredString('id', 'customer');
  const profile = fields.object('companyProfile', 'customer');
  if (!profile) throw new UnexpectedShapeError('customer.companyProfile is missing');
  return defined({
    id,
    commerceId: fields.string('commerceId'),
    companyProfile: defined({
      tenantId: profile.string('tenantId') ?? id,
      domain: profile.string('domain') ?? '',
      companyName: profile.string('companyName') ?? '',
      address: readAddress(profile.object('address', 'customer.companyProfile')),
      email: profile.string('email'),
    }),
    relationshipToPartner: fields.enumeration('relationshipToPartner'),
    allowDelegatedAccess: fields.boolean('allowDelegatedAccess'),
    customDomains: fields.strings('customDomains'),
    attributes: readAttributes(fields, 'customer'),
  });
};

export const readUser: Reader<CustomerUser> = (raw) => {
  const fields = new JsonFields(raw, 'user');
  return defined({
    id: fields.requiredString('id', 'user'),
    userPrincipalName: fields.requiredString('userPrincipalName', 'user'),
    firstName: fields.string('firstName'),
    lastName: fields.string('lastName'),
    displayName: fields.string('displayName'),
    usageLocation: fields.string('usageLocation'),
    phoneNumber: fields.string('phoneNumber'),
    userDomainType: fields.enumeration('userDomainType'),
    state: fields.enumeration('state', ['active', 'inactive']),
    softDeletionTime: fields.nullableString('softDeletionTime'),
    lastDirectorySyncTime: fields.nullableString('lastDirectorySyncTime'),
    attributes: readAttributes(fields, 'user'),
  });
};

export const readDirectoryRole: Reader<DirectoryRole> = (raw) => {
  const fields = new JsonFields(raw, 'directoryRole');
  return { id: fields.requiredString('id', 'directoryRole'), name: fields.string('name') ?? '' };
};

export const readSubscription: Reader<Subscription> = (raw) => {
  const fields = new JsonFields(raw, 'subscription');
  return defined({
    id: fields.requiredString('id', 'subscription'),
    offerId: fields.string('offerId'),
    offerName: fields.string('offerName'),
    friendlyName: fields.string('friendlyName'),
    quantity: fields.number('quantity'),
    unitType: fields.string('unitType'),
    parentSubscriptionId: fields.nullableString('parentSubscriptionId'),
    creationDate: fields.string('creationDate'),
    effectiveStartDate: fields.string('effectiveStartDate'),
    commitmentEndDate: fields.string('commitmentEndDate'),
    status: fields.enumeration('status', ordinals.subscriptionStatus) ?? 'none',
    suspensionReasons: fields.strings('suspensionReasons'),
    autoRenewEnabled: fields.boolean('autoRenewEnabled'),
    billingType: fields.enumeration('billingType'),
    billingCycle: fields.enumeration('billingCycle'),
    contractType: fields.string('contractType'),
    orderId: fields.string('orderId'),
    attributes: readAttributes(fields, 'subscription'),
  });
};

export const readProvisioningStatus: Reader<SubscriptionProvisioningStatus> = (raw) => {
  const fields = new JsonFields(raw, 'provisioningStatus');
  return defined({
    skuId: fields.string('skuId'),
    status: fields.enumeration('status') ?? 'none',
    quantity: fields.number('quantity'),
    endDate: fields.string('endDate'),
  });
};

function readNote(raw: unknown): ServiceRequestNote {
  const fields = new JsonFields(raw, 'serviceRequest.notes[]');
  return defined({
    createdByName: fields.string('createdByName'),
    createdDate: fields.string('createdDate'),
    text: fields.string('text') ?? '',
  });
}

export const readServiceRequest: Reader<ServiceRequest> = (raw) => {
  const fields = new JsonFields(raw, 'serviceRequest');
  return defined({
    id: fields.requiredString('id', 'serviceRequest'),
    title: fields.string('title'),
    description: fields.string('description'),
    severity: fields.enumeration('severity', ordinals.serviceRequestSeverity),
    supportTopicId: fields.string('supportTopicId'),
    supportTopicName: fields.string('supportTopicName'),
    status: fields.enumeration('status', ordinals.serviceRequestStatus),
    productName: fields.string('productName'),
    createdDate: fields.string('createdDate'),
    lastModifiedDate: fields.string('lastModifiedDate'),
    lastClosedDate: fields.string('lastClosedDate'),
    notes: fields.array('notes')?.map(readNote),
    countryCode: fields.string('countryCode'),
  });
};

export const readSupportTopic: Reader<SupportTopic> = (raw) => {
  const fields = new JsonFields(raw, 'supportTopic');
  return defined({
    id: fields.requiredString('id', 'supportTopic'),
    name: fields.string('name') ?? '',
    description: fields.string('description'),
  });
};

export interface Collection<T> {
  items: T[];
  next?: Link;
}

/** A collection envelope (reference §2.6): items plus the optional `links.next`. */
export function readCollection<T>(raw: unknown, readItem: Reader<T>): Collection<T> {
  const fields = new JsonFields(raw, 'collection');
  const items = fields.array('items');
  if (!items) throw new UnexpectedShapeError('collection.items is missing');
  const next = fields.object('links', 'collection')?.get('next');
  return defined({ items: items.map(readItem), next: next ? readLink(next) : undefined });
}
