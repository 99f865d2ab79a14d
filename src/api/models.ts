/**
 * Partner Center resource models, as the bot uses them (see shared/partner-center-api.md §3).
 * Enums are open: Partner Center may add values, so unknown strings pass through.
 */

export interface Link {
  uri: string;
  method: string;
  headers: { key: string; value: string }[];
}

export interface ResourceAttributes {
  objectType?: string;
  etag?: string;
}

export type RelationshipToPartner =
  | 'none'
  | 'reseller'
  | 'advisor'
  | 'syndication'
  | 'microsoft_support'
  | (string & {});

export interface Address {
  country?: string;
  region?: string;
  city?: string;
  state?: string;
  addressLine1?: string;
  addressLine2?: string;
  postalCode?: string;
  phoneNumber?: string;
}

export interface CustomerCompanyProfile {
  tenantId: string;
  domain: string;
  companyName: string;
  address?: Address;
  email?: string;
}

export interface Customer {
  id: string;
  commerceId?: string;
  companyProfile: CustomerCompanyProfile;
  relationshipToPartner?: RelationshipToPartner;
  allowDelegatedAccess?: boolean;
  customDomains?: string[];
  attributes?: ResourceAttributes;
}

export type UserState = 'active' | 'inactive' | (string & {});

export interface CustomerUser {
  id: string;
  userPrincipalName: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  usageLocation?: string;
  phoneNumber?: string;
  userDomainType?: string;
  state?: UserState;
  softDeletionTime?: string | null;
  lastDirectorySyncTime?: string | null;
  attributes?: ResourceAttributes;
}

export interface DirectoryRole {
  id: string;
  name: string;
}

export type SubscriptionStatus = 'none' | 'active' | 'pending' | 'suspended' | 'deleted' | (string & {});

export interface Subscription {
  id: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  quantity?: number;
  unitType?: string;
  parentSubscriptionId?: string | null;
  creationDate?: string;
  effectiveStartDate?: string;
  commitmentEndDate?: string;
  status: SubscriptionStatus;
  suspensionReasons?: string[];
  autoRenewEnabled?: boolean;
  billingType?: string;
  billingCycle?: string;
  contractType?: string;
  orderId?: string;
  attributes?: ResourceAttributes;
}

export type ProvisioningState = 'success' | 'pending' | 'failed' | 'none' | (string & {});

export interface SubscriptionProvisioningStatus {
  skuId?: string;
  status: ProvisioningState;
  quantity?: number;
  endDate?: string;
}

export type ServiceRequestSeverity = 'unknown' | 'critical' | 'moderate' | 'minimal' | (string & {});
export type ServiceRequestStatus = 'none' | 'open' | 'closed' | 'attention_needed' | (string & {});

export interface ServiceRequestNote {
  createdByName?: string;
  createdDate?: string;
  text: string;
}

export interface ServiceRequest {
  id: string;
  title?: string;
  description?: string;
  severity?: ServiceRequestSeverity;
  supportTopicId?: string;
  supportTopicName?: string;
  status?: ServiceRequestStatus;
  productName?: string;
  createdDate?: string;
  lastModifiedDate?: string;
  lastClosedDate?: string;
  notes?: ServiceRequestNote[];
  countryCode?: string;
}

export interface SupportTopic {
  id: string;
  name: string;
  description?: string;
}

/** One page of a collection, with the token that fetches the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}
