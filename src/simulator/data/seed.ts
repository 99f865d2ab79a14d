import { addMs, DAY_MS } from '../clock';
import { stableGuid } from '../prng';
import type { CustomerData, CustomerRecord, OrderRecord, SubscriptionRecord, UserRecord } from './records';
import type { CustomerFixture, OrderFixture, SubscriptionFixture, UserFixture } from './seed-data';

/**
 * Turns fixtures (seed data and generated customers) into records. Relative facts are resolved against
 * the moment the simulator starts: deletion times, and when pending provisioning completes.
 */
export type CustomerProfileFixture = Omit<
  CustomerFixture,
  'users' | 'subscriptions' | 'orders' | 'source' | 'synthetic'
>;
export type CustomerContentFixture = Pick<CustomerFixture, 'users' | 'subscriptions' | 'orders'>;

export interface LoadContext {
  startedAt: Date;
  /** When subscriptions seeded as pending finish provisioning. */
  pendingReadyAt: Date;
}

export function customerRecord(profile: CustomerProfileFixture): CustomerRecord {
  const { id, companyName, domain } = profile;
  return {
    id,
    commerceId: profile.commerceId ?? stableGuid(`commerce:${id}`),
    companyName,
    domain,
    address: profile.address,
    email: profile.email,
    billingProfile: profile.billingProfile ?? {
      id: stableGuid(`billing:${id}`),
      email: profile.email ?? `billing@${domain.toLowerCase()}`,
      culture: 'en-US',
      language: 'en',
      companyName,
      defaultAddress: profile.address ?? { country: 'US' },
    },
    relationshipToPartner: profile.relationshipToPartner ?? 'reseller',
    allowDelegatedAccess: profile.allowDelegatedAccess ?? true,
    customDomains: [domain],
    indirectResellerId: profile.indirectResellerId,
    indirectProviderId: profile.indirectProviderId,
  };
}

export function customerData(content: CustomerContentFixture, context: LoadContext): CustomerData {
  const subscriptions = content.subscriptions.map((fixture) => subscriptionRecord(fixture, context));
  return {
    users: new Map(content.users.map((fixture) => [fixture.id.toLowerCase(), userRecord(fixture, context)])),
    subscriptions: new Map(subscriptions.map((record) => [record.id.toLowerCase(), record])),
    orders: new Map(
      ordersFor(subscriptions, content.orders ?? []).map((order) => [order.id.toLowerCase(), order]),
    ),
  };
}

function userRecord(fixture: UserFixture, context: LoadContext): UserRecord {
  const deleted = fixture.deletedDaysAgo !== undefined;
  return {
    id: fixture.id,
    userPrincipalName: fixture.userPrincipalName,
    firstName: fixture.firstName,
    lastName: fixture.lastName,
    displayName: fixture.displayName,
    usageLocation: fixture.usageLocation,
    state: deleted ? 'inactive' : 'active',
    softDeletionTime: deleted
      ? addMs(context.startedAt, -(fixture.deletedDaysAgo as number) * DAY_MS)
      : undefined,
    roleIds: [...(fixture.roleIds ?? [])],
  };
}

function subscriptionRecord(fixture: SubscriptionFixture, context: LoadContext): SubscriptionRecord {
  const { offer } = fixture;
  const provisioning = fixture.provisioning ?? (fixture.status === 'pending' ? 'pending' : 'success');
  return {
    id: fixture.id,
    offerId: offer.offerId,
    offerName: offer.offerName,
    friendlyName: fixture.friendlyName ?? offer.offerName,
    quantity: fixture.quantity,
    unitType: offer.unitType,
    parentSubscriptionId: fixture.parentSubscriptionId,
    creationDate: fixture.creationDate,
    effectiveStartDate: fixture.effectiveStartDate ?? `${fixture.creationDate.slice(0, 10)}T00:00:00Z`,
    commitmentEndDate: fixture.commitmentEndDate,
    status: fixture.status,
    suspensionReasons: fixture.status === 'suspended' ? ['partner_suspended'] : undefined,
    autoRenewEnabled: fixture.autoRenewEnabled,
    billingType: offer.billingType,
    billingCycle: fixture.billingCycle,
    contractType: 'subscription',
    partnerId: fixture.partnerId,
    orderId: fixture.orderId,
    version: 1,
    provisioning: {
      status: provisioning,
      skuId: fixture.skuId ?? stableGuid(`sku:${offer.offerId}`).toUpperCase(),
      quantity: fixture.quantity,
      readyAt: provisioning === 'pending' ? context.pendingReadyAt : undefined,
    },
  };
}

/** One order per order id the subscriptions name, with documented order facts where the fixture has them. */
function ordersFor(subscriptions: SubscriptionRecord[], fixtures: readonly OrderFixture[]): OrderRecord[] {
  const orders = new Map<string, OrderRecord>();
  for (const subscription of subscriptions) {
    const key = subscription.orderId.toLowerCase();
    const existing = orders.get(key);
    if (existing) {
      existing.subscriptionIds.push(subscription.id);
      continue;
    }
    const fixture = fixtures.find((order) => order.id.toLowerCase() === key);
    orders.set(key, {
      id: subscription.orderId,
      billingCycle: fixture?.billingCycle ?? subscription.billingCycle ?? 'monthly',
      creationDate: fixture?.creationDate ?? subscription.creationDate,
      status: 'none',
      subscriptionIds: [subscription.id],
    });
  }
  return [...orders.values()];
}
