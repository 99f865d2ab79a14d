import type { Dispatcher } from 'undici';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { continuationFromLink, readContinuation } from './continuation';
import { customerSearchFilter, deletedUsersFilter, type FieldFilter, filterParam } from './filters';
import { defaultTimeouts, HttpTransport, type Timeouts } from './http-transport';
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
import type {
  CallContext,
  CustomerSearchField,
  NewServiceRequest,
  PageRequest,
  PartnerCenter,
} from './partner-center';
import { defaultReadCacheOptions, ReadCache } from './read-cache';
import {
  type Collection,
  readCollection,
  readCustomer,
  readDirectoryRole,
  readProvisioningStatus,
  readServiceRequest,
  readSubscription,
  readSupportTopic,
  readUser,
} from './read-models';
import { type Operation, RequestPipeline } from './request-pipeline';
import { apiPath, guid, locale, queryParam, serviceRequestId, withQuery } from './resource-path';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy';
import type { TokenKind, TokenProvider } from './token-provider';

export interface PartnerCenterClientOptions {
  /** e.g. https://api.partnercenter.microsoft.com, or the simulator's URL (without /v1). */
  baseUrl: string;
  tokens: TokenProvider;
  logger: Logger;
  /** Sent as MS-PartnerCenter-Application. */
  applicationName?: string;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  /** Customer reads (get, search, list pages). */
  cache?: { ttlMs?: number; max?: number };
  /** Replaces the client's own undici Pool (tests pass a MockAgent). */
  dispatcher?: Dispatcher;
  /** Clock and randomness for tests; default Date.now and Math.random. */
  now?: () => number;
  random?: () => number;
}

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;
/** Upper bound when a method returns a whole collection (subscriptions, roles, service requests, topics). */
const MAX_FOLLOWED_PAGES = 50;

const routes = {
  customers: 'GET /v1/customers',
  customer: 'GET /v1/customers/{customer-tenant-id}',
  users: 'GET /v1/customers/{customer-tenant-id}/users',
  user: 'GET /v1/customers/{customer-tenant-id}/users/{user-id}',
  userRoles: 'GET /v1/customers/{customer-tenant-id}/users/{user-id}/directoryroles',
  resetPassword: 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword',
  updateUser: 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}',
  subscriptions: 'GET /v1/customers/{customer-tenant-id}/subscriptions',
  subscription: 'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
  updateSubscription: 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
  provisioningStatus:
    'GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}/provisioningstatus',
  supportTopics: 'GET /v1/servicerequests/supporttopics',
  createServiceRequest: 'POST /v1/servicerequests/{agent-locale}',
  customerServiceRequests: 'GET /v1/customers/{customer-tenant-id}/servicerequests',
  serviceRequest: 'GET /v1/servicerequests/{servicerequest-id}',
  updateServiceRequest: 'PATCH /v1/servicerequests/{servicerequest-id}',
} as const;

const SEVERITIES = new Set(['critical', 'moderate', 'minimal']);
const SERVICE_REQUEST_STATUSES = new Set(['open', 'closed', 'attention_needed']);
const ETAG = /^[\x21\x23-\x7e]{1,1024}$/;

function pageSize(page: PageRequest | undefined): number {
  const size = page?.size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError('INPUT_INVALID', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}`, { size });
  }
  return size;
}

function requiredText(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('INPUT_INVALID', `${name} must not be empty`, { parameter: name });
  }
  return value;
}

/** Waits for a shared promise, but gives up as soon as this caller's own signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The typed Partner Center REST client (reference §1-§2, §10): one method per operation the bot needs,
 * each with its token kind and idempotency; customer reads are cached and coalesced.
 */
export class PartnerCenterClient implements PartnerCenter {
  private readonly transport: HttpTransport;
  private readonly pipeline: RequestPipeline;
  private readonly customerReads: ReadCache;

  constructor(options: PartnerCenterClientOptions) {
    this.transport = new HttpTransport(
      options.baseUrl,
      { ...defaultTimeouts, ...options.timeouts },
      options.dispatcher,
    );
    this.pipeline = new RequestPipeline({
      transport: this.transport,
      tokens: options.tokens,
      logger: options.logger,
      applicationName: options.applicationName ?? 'Partner Helpdesk Bot',
      retry: { ...defaultRetryPolicy, ...options.retry },
      now: options.now,
      random: options.random,
    });
    this.customerReads = new ReadCache({ ...defaultReadCacheOptions, ...options.cache, now: options.now });
  }

  /** Closes the connection pool (not a dispatcher passed in by the caller). */
  close(): Promise<void> {
    return this.transport.close();
  }

  // Customers (App-only tokens suffice; cached)

  async getCustomer(ctx: CallContext, customerId: string): Promise<Customer> {
    const path = apiPath('customers', guid('customerId', customerId));
    return this.cached(ctx, `customer ${path.toLowerCase()}`, (shared) =>
      this.pipeline.send(shared, this.getOperation(routes.customer, path, 'app', readCustomer)),
    );
  }

  async searchCustomers(
    ctx: CallContext,
    search: { field: CustomerSearchField; prefix: string },
    page?: PageRequest,
  ): Promise<Page<Customer>> {
    if (search.field !== 'CompanyName' && search.field !== 'Domain') {
      throw new AppError('INPUT_INVALID', 'search field must be CompanyName or Domain', {
        field: search.field,
      });
    }
    return this.customerPage(
      ctx,
      'customers.search',
      page,
      customerSearchFilter(search.field, requiredText('prefix', search.prefix)),
    );
  }

  async listCustomers(ctx: CallContext, page?: PageRequest): Promise<Page<Customer>> {
    return this.customerPage(ctx, 'customers.list', page);
  }

  // Users (App+User only)

  async listUsers(ctx: CallContext, customerId: string, page?: PageRequest): Promise<Page<CustomerUser>> {
    const path = apiPath('customers', guid('customerId', customerId), 'users');
    return this.page(ctx, routes.users, 'users.active', path, page, readUser, 'app+user');
  }

  async listDeletedUsers(
    ctx: CallContext,
    customerId: string,
    page?: PageRequest,
  ): Promise<Page<CustomerUser>> {
    const path = apiPath('customers', guid('customerId', customerId), 'users');
    return this.page(
      ctx,
      routes.users,
      'users.deleted',
      path,
      page,
      readUser,
      'app+user',
      deletedUsersFilter(),
    );
  }

  async getUser(ctx: CallContext, customerId: string, userId: string): Promise<CustomerUser> {
    const path = apiPath('customers', guid('customerId', customerId), 'users', guid('userId', userId));
    return this.pipeline.send(ctx, this.getOperation(routes.user, path, 'app+user', readUser));
  }

  async getUserDirectoryRoles(
    ctx: CallContext,
    customerId: string,
    userId: string,
  ): Promise<DirectoryRole[]> {
    const path = apiPath(
      'customers',
      guid('customerId', customerId),
      'users',
      guid('userId', userId),
      'directoryroles',
    );
    return this.all(ctx, routes.userRoles, path, 'app+user', readDirectoryRole);
  }

  async resetUserPassword(
    ctx: CallContext,
    customerId: string,
    userId: string,
    password: string,
    forceChangePassword: boolean,
  ): Promise<CustomerUser> {
    requiredText('password', password);
    const path = apiPath(
      'customers',
      guid('customerId', customerId),
      'users',
      guid('userId', userId),
      'resetpassword',
    );
    return this.pipeline.send(ctx, {
      route: routes.resetPassword,
      method: 'PATCH',
      path,
      token: 'app+user',
      idempotent: false,
      body: {
        passwordProfile: { password, forceChangePassword },
        attributes: { objectType: 'CustomerUser' },
      },
      secrets: [password],
      read: readUser,
    });
  }

  /** PATCH state active: restoring an active user is a documented no-op, so the call is safe to repeat. */
  async restoreUser(ctx: CallContext, customerId: string, userId: string): Promise<CustomerUser> {
    const path = apiPath('customers', guid('customerId', customerId), 'users', guid('userId', userId));
    return this.pipeline.send(ctx, {
      route: routes.updateUser,
      method: 'PATCH',
      path,
      token: 'app+user',
      idempotent: true,
      body: { state: 'active', attributes: { objectType: 'CustomerUser' } },
      read: readUser,
    });
  }

  // Subscriptions (App-only, except provisioning status)

  async listSubscriptions(ctx: CallContext, customerId: string): Promise<Subscription[]> {
    const path = apiPath('customers', guid('customerId', customerId), 'subscriptions');
    return this.all(ctx, routes.subscriptions, path, 'app', readSubscription);
  }

  async getSubscription(ctx: CallContext, customerId: string, subscriptionId: string): Promise<Subscription> {
    const path = apiPath(
      'customers',
      guid('customerId', customerId),
      'subscriptions',
      guid('subscriptionId', subscriptionId),
    );
    return this.pipeline.send(ctx, this.getOperation(routes.subscription, path, 'app', readSubscription));
  }

  async getProvisioningStatus(
    ctx: CallContext,
    customerId: string,
    subscriptionId: string,
  ): Promise<SubscriptionProvisioningStatus> {
    const path = apiPath(
      'customers',
      guid('customerId', customerId),
      'subscriptions',
      guid('subscriptionId', subscriptionId),
      'provisioningstatus',
    );
    return this.pipeline.send(
      ctx,
      this.getOperation(routes.provisioningStatus, path, 'app+user', readProvisioningStatus),
    );
  }

  /** The etag goes in If-Match (quoted) and in attributes.etag; a retry would meet a changed etag, so no retries but 429. */
  async setSubscriptionStatus(
    ctx: CallContext,
    customerId: string,
    subscriptionId: string,
    status: 'active' | 'suspended',
    etag: string,
  ): Promise<Subscription> {
    if (status !== 'active' && status !== 'suspended') {
      throw new AppError('INPUT_INVALID', 'status must be active or suspended', { status });
    }
    const bare = typeof etag === 'string' ? etag.replace(/^"(.*)"$/, '$1') : '';
    if (!ETAG.test(bare))
      throw new AppError('INPUT_INVALID', 'etag is not a valid entity tag', { parameter: 'etag' });
    const path = apiPath(
      'customers',
      guid('customerId', customerId),
      'subscriptions',
      guid('subscriptionId', subscriptionId),
    );
    return this.pipeline.send(ctx, {
      route: routes.updateSubscription,
      method: 'PATCH',
      path,
      token: 'app',
      idempotent: false,
      headers: { 'If-Match': `"${bare}"` },
      body: { status, attributes: { etag: bare, objectType: 'Subscription' } },
      read: readSubscription,
    });
  }

  // Service requests (App+User only; topics and create are legacy routes)

  async listSupportTopics(ctx: CallContext): Promise<SupportTopic[]> {
    return this.all(
      ctx,
      routes.supportTopics,
      apiPath('servicerequests', 'supporttopics'),
      'app+user',
      readSupportTopic,
      true,
    );
  }

  async createServiceRequest(
    ctx: CallContext,
    agentLocale: string,
    request: NewServiceRequest,
  ): Promise<ServiceRequest> {
    if (!SEVERITIES.has(request.severity)) {
      throw new AppError('INPUT_INVALID', 'severity must be critical, moderate or minimal', {
        severity: request.severity,
      });
    }
    return this.pipeline.send(ctx, {
      route: routes.createServiceRequest,
      method: 'POST',
      path: apiPath('servicerequests', locale('agentLocale', agentLocale)),
      token: 'app+user',
      idempotent: false,
      legacy: true,
      body: {
        title: requiredText('title', request.title),
        description: requiredText('description', request.description),
        severity: request.severity,
        supportTopicId: requiredText('supportTopicId', request.supportTopicId),
        ...(request.notes?.length
          ? { notes: request.notes.map((note) => ({ text: requiredText('note', note) })) }
          : {}),
        attributes: { objectType: 'ServiceRequest' },
      },
      read: readServiceRequest,
    });
  }

  async listServiceRequests(ctx: CallContext, customerId: string): Promise<ServiceRequest[]> {
    const path = apiPath('customers', guid('customerId', customerId), 'servicerequests');
    return this.all(ctx, routes.customerServiceRequests, path, 'app+user', readServiceRequest);
  }

  async getServiceRequest(ctx: CallContext, id: string): Promise<ServiceRequest> {
    const path = apiPath('servicerequests', serviceRequestId(id));
    return this.pipeline.send(
      ctx,
      this.getOperation(routes.serviceRequest, path, 'app+user', readServiceRequest),
    );
  }

  async updateServiceRequest(
    ctx: CallContext,
    id: string,
    update: { status?: string; note?: string },
  ): Promise<ServiceRequest> {
    if (update.status === undefined && update.note === undefined) {
      throw new AppError('INPUT_INVALID', 'an update needs a status or a note');
    }
    if (update.status !== undefined && !SERVICE_REQUEST_STATUSES.has(update.status)) {
      throw new AppError('INPUT_INVALID', 'status must be open, closed or attention_needed', {
        status: update.status,
      });
    }
    return this.pipeline.send(ctx, {
      route: routes.updateServiceRequest,
      method: 'PATCH',
      path: apiPath('servicerequests', serviceRequestId(id)),
      token: 'app+user',
      idempotent: false,
      body: {
        ...(update.status === undefined ? {} : { status: update.status }),
        ...(update.note === undefined ? {} : { newNote: { text: requiredText('note', update.note) } }),
        attributes: { objectType: 'ServiceRequest' },
      },
      read: readServiceRequest,
    });
  }

  /** One customer, uncached: proves Partner Center answers and accepts the App-only token. */
  async ping(ctx: CallContext): Promise<void> {
    await this.pipeline.send(
      ctx,
      this.getOperation(
        routes.customers,
        withQuery(apiPath('customers'), [queryParam('size', 1)]),
        'app',
        (json) => readCollection(json, readCustomer),
      ),
    );
  }

  // Building blocks

  /** A GET: always idempotent. */
  private getOperation<T>(
    route: string,
    path: string,
    token: TokenKind,
    read: (json: unknown) => T,
    legacy = false,
  ): Operation<T> {
    return { route, method: 'GET', path, token, idempotent: true, legacy, read };
  }

  private async customerPage(
    ctx: CallContext,
    scope: string,
    page: PageRequest | undefined,
    filter?: FieldFilter,
  ): Promise<Page<Customer>> {
    const size = pageSize(page);
    const key = `${scope} ${size} ${filter ? JSON.stringify(filter) : ''} ${page?.continuationToken ?? ''}`;
    return this.cached(ctx, key, (shared) =>
      this.page(shared, routes.customers, scope, apiPath('customers'), page, readCustomer, 'app', filter),
    );
  }

  /** One page of a seek-based collection: the first page from size (and filter), later ones from the token. */
  private async page<T>(
    ctx: CallContext,
    route: string,
    scope: string,
    path: string,
    page: PageRequest | undefined,
    readItem: (raw: unknown) => T,
    token: TokenKind,
    filter?: FieldFilter,
  ): Promise<Page<T>> {
    const size = pageSize(page);
    const next =
      page?.continuationToken === undefined
        ? undefined
        : readContinuation(page.continuationToken, scope, path);
    const params = [queryParam('size', size), ...(filter ? [filterParam(filter)] : [])];
    const collection = await this.pipeline.send(ctx, {
      ...this.getOperation(route, next?.path ?? withQuery(path, params), token, (json) =>
        readCollection(json, readItem),
      ),
      headers: next?.headers,
    });
    const continuationToken = continuationFromLink(scope, collection.next);
    return continuationToken === undefined
      ? { items: collection.items }
      : { items: collection.items, continuationToken };
  }

  /** A whole (normally unpaged) collection, following links.next if the service pages it anyway. */
  private async all<T>(
    ctx: CallContext,
    route: string,
    path: string,
    token: TokenKind,
    readItem: (raw: unknown) => T,
    legacy = false,
  ): Promise<T[]> {
    const items: T[] = [];
    let request: { path: string; headers?: Record<string, string> } = { path };
    for (let pages = 1; ; pages++) {
      const collection: Collection<T> = await this.pipeline.send(ctx, {
        ...this.getOperation(route, request.path, token, (json) => readCollection(json, readItem), legacy),
        headers: request.headers,
      });
      items.push(...collection.items);
      const continuation = continuationFromLink(route, collection.next);
      if (continuation === undefined || pages >= MAX_FOLLOWED_PAGES) return items;
      request = readContinuation(continuation, route, path);
    }
  }

  /** Cached and coalesced: the shared upstream call runs without any one caller's abort signal. */
  private async cached<T>(
    ctx: CallContext,
    key: string,
    load: (shared: CallContext) => Promise<T>,
  ): Promise<T> {
    const { signal, ...shared } = ctx;
    return raceAbort(
      this.customerReads.read(key, () => load(shared)),
      signal,
    );
  }
}
