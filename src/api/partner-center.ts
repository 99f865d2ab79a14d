import type { CustomerAccess } from '../auth/customer-scope';
import type { AgentIdentity } from './agent-identity';
import type {
  Customer,
  CustomerUser,
  DirectoryRole,
  Page,
  ServiceRequest,
  Subscription,
  SubscriptionProvisioningStatus,
  SupportTopic,
} from './models';

/** Per-call context: which bot turn asked, in which language. Sent as MS-CorrelationId and X-Locale. */
export interface CallContext {
  correlationId: string;
  locale?: string;
  signal?: AbortSignal;
  /** Told the MS-RequestId of every logical call made for this context (retries reuse it): for the audit log. */
  onRequest?: (request: { route: string; requestId: string }) => void;
  /** The agent the call is made for (identity mode `agent`): their token is used. Absent: the bot's own identity. */
  agent?: AgentIdentity;
  /** The customers the caller's role covers for the route being run; absent: no limit (background work). */
  customerAccess?: CustomerAccess;
}

export type CustomerSearchField = 'CompanyName' | 'Domain';

export interface NewServiceRequest {
  title: string;
  description: string;
  severity: string;
  supportTopicId: string;
  notes?: string[];
}

export interface PageRequest {
  size?: number;
  /** The opaque continuation of a previous page (from Page.continuationToken). */
  continuationToken?: string;
}

/**
 * What the bot needs from Partner Center. Implemented over HTTP by PartnerCenterClient;
 * dialogs depend on this interface only.
 */
export interface PartnerCenter {
  getCustomer(ctx: CallContext, customerId: string): Promise<Customer>;
  searchCustomers(
    ctx: CallContext,
    search: { field: CustomerSearchField; prefix: string },
    page?: PageRequest,
  ): Promise<Page<Customer>>;
  listCustomers(ctx: CallContext, page?: PageRequest): Promise<Page<Customer>>;

  listUsers(ctx: CallContext, customerId: string, page?: PageRequest): Promise<Page<CustomerUser>>;
  listDeletedUsers(ctx: CallContext, customerId: string, page?: PageRequest): Promise<Page<CustomerUser>>;
  getUser(ctx: CallContext, customerId: string, userId: string): Promise<CustomerUser>;
  getUserDirectoryRoles(ctx: CallContext, customerId: string, userId: string): Promise<DirectoryRole[]>;
  /** The generated password goes out in the body and is never returned or logged. */
  resetUserPassword(
    ctx: CallContext,
    customerId: string,
    userId: string,
    password: string,
    forceChangePassword: boolean,
  ): Promise<CustomerUser>;
  restoreUser(ctx: CallContext, customerId: string, userId: string): Promise<CustomerUser>;

  listSubscriptions(ctx: CallContext, customerId: string): Promise<Subscription[]>;
  getSubscription(ctx: CallContext, customerId: string, subscriptionId: string): Promise<Subscription>;
  getProvisioningStatus(
    ctx: CallContext,
    customerId: string,
    subscriptionId: string,
  ): Promise<SubscriptionProvisioningStatus>;
  /** PATCH status with If-Match; a stale etag fails with PC_STALE_ETAG. */
  setSubscriptionStatus(
    ctx: CallContext,
    customerId: string,
    subscriptionId: string,
    status: 'active' | 'suspended',
    etag: string,
  ): Promise<Subscription>;

  listSupportTopics(ctx: CallContext): Promise<SupportTopic[]>;
  /** `notes`: extra information sent with the request (reference D3: "an optional collection of Notes"). */
  createServiceRequest(
    ctx: CallContext,
    agentLocale: string,
    request: NewServiceRequest,
  ): Promise<ServiceRequest>;
  listServiceRequests(ctx: CallContext, customerId: string): Promise<ServiceRequest[]>;
  getServiceRequest(ctx: CallContext, serviceRequestId: string): Promise<ServiceRequest>;
  updateServiceRequest(
    ctx: CallContext,
    serviceRequestId: string,
    update: { status?: string; note?: string },
  ): Promise<ServiceRequest>;

  /** A cheap call that proves Partner Center answers (for /readyz). */
  ping(ctx: CallContext): Promise<void>;
}
