/**
 * The simulator's in-memory records. They hold state, not wire shapes: the route modules turn them
 * into the documented camelCase JSON.
 */

export interface AddressRecord {
  country: string;
  region?: string;
  city?: string;
  state?: string;
  addressLine1?: string;
  addressLine2?: string;
  postalCode?: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

export interface BillingProfileRecord {
  id: string;
  firstName?: string;
  lastName?: string;
  email: string;
  culture: string;
  language: string;
  companyName: string;
  defaultAddress: AddressRecord;
  /** The documented etag of one example profile; others derive from the version. */
  etag?: string;
}

export interface CustomerRecord {
  id: string;
  commerceId: string;
  companyName: string;
  domain: string;
  address?: AddressRecord;
  email?: string;
  billingProfile: BillingProfileRecord;
  relationshipToPartner: string;
  allowDelegatedAccess: boolean;
  customDomains: string[];
  /** Tenant id of the indirect reseller (searchable with the IndirectReseller filter). */
  indirectResellerId?: string;
  /** Tenant id of the indirect provider (searchable with the IndirectCloudSolutionProvider filter). */
  indirectProviderId?: string;
}

export type UserState = 'active' | 'inactive';

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  usageLocation?: string;
  phoneNumber?: string;
  immutableId?: string;
  state: UserState;
  softDeletionTime?: Date;
  /** Directory roles the user holds. */
  roleIds: string[];
}

export interface DirectoryRoleRecord {
  id: string;
  name: string;
}

export type SubscriptionStatus = 'none' | 'active' | 'pending' | 'suspended' | 'deleted';
export type ProvisioningStatus = 'success' | 'pending' | 'failed';

export interface SubscriptionRecord {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  unitType: string;
  parentSubscriptionId?: string;
  creationDate: string;
  effectiveStartDate: string;
  commitmentEndDate: string;
  status: SubscriptionStatus;
  suspensionReasons?: string[];
  autoRenewEnabled: boolean;
  billingType: string;
  billingCycle?: string;
  contractType: string;
  partnerId?: string;
  orderId: string;
  version: number;
  provisioning: {
    status: ProvisioningStatus;
    skuId: string;
    /** Quantity once the last successful provisioning completed. */
    quantity: number;
    /** When a pending provisioning completes; absent = when it is not pending. */
    readyAt?: Date;
  };
}

export interface OrderRecord {
  id: string;
  billingCycle: string;
  creationDate: string;
  status: string;
  /** Subscriptions created by the order, in line-item order. */
  subscriptionIds: string[];
}

export interface CustomerData {
  users: Map<string, UserRecord>;
  subscriptions: Map<string, SubscriptionRecord>;
  orders: Map<string, OrderRecord>;
}

export type ServiceRequestSeverity = 'unknown' | 'critical' | 'moderate' | 'minimal';
export type ServiceRequestStatus = 'none' | 'open' | 'closed' | 'attention_needed';

export interface OrganizationRecord {
  id: string;
  name: string;
  phoneNumber?: string;
}

export interface ContactRecord {
  organization?: OrganizationRecord;
  contactId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
}

export interface NoteRecord {
  createdByName: string;
  createdDate: string;
  text: string;
}

export interface ServiceRequestRecord {
  id: string;
  /** The customer the request is about; requests created through POST /servicerequests have none. */
  customerId?: string;
  title: string;
  description: string;
  severity: ServiceRequestSeverity;
  supportTopicId: string;
  supportTopicName: string;
  status: ServiceRequestStatus;
  organization: OrganizationRecord;
  primaryContact: ContactRecord;
  lastUpdatedBy?: ContactRecord;
  productName?: string;
  productId?: string;
  createdDate: string;
  lastModifiedDate: string;
  lastClosedDate: string;
  notes: NoteRecord[];
  countryCode: string;
}

export interface SupportTopicRecord {
  id: number;
  name: string;
  description: string;
  /** Localized names by X-Locale (lower-case), e.g. 'fr-fr'. */
  localizedNames: Readonly<Record<string, string>>;
}
