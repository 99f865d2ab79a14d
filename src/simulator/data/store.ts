import { AuditLog } from './audit-log';
import { GdapBook } from './gdap';
import { generatedCustomer } from './generator';
import type { CustomerData, CustomerRecord, ServiceRequestRecord, SupportTopicRecord } from './records';
import { type CustomerContentFixture, customerData, customerRecord, type LoadContext } from './seed';
import { seedAuditRecords, seedCustomers, seedServiceRequests, supportTopics } from './seed-data';

/**
 * All simulator state, in memory: customers in list order (seed data first, then generated ones),
 * each customer's users, subscriptions and orders (loaded on first use), service requests, support
 * topics and the activity log. Ids are looked up case-insensitively (reference §2.5).
 */
export class SimStore {
  readonly customers: readonly CustomerRecord[];
  readonly serviceRequests = new Map<string, ServiceRequestRecord>();
  readonly supportTopics: readonly SupportTopicRecord[] = supportTopics;
  readonly audit = new AuditLog(seedAuditRecords);
  /** The partner's GDAP relationships with its customers. */
  readonly gdap: GdapBook;
  private readonly byId = new Map<string, CustomerRecord>();
  private readonly data = new Map<string, CustomerData>();
  private readonly unloaded = new Map<string, () => CustomerContentFixture>();

  constructor(
    entries: readonly { customer: CustomerRecord; content: () => CustomerContentFixture }[],
    private readonly context: LoadContext,
  ) {
    this.gdap = new GdapBook(context.startedAt);
    this.customers = entries.map((entry) => entry.customer);
    for (const { customer, content } of entries) {
      this.byId.set(customer.id.toLowerCase(), customer);
      this.unloaded.set(customer.id.toLowerCase(), content);
    }
    for (const request of seedServiceRequests) this.serviceRequests.set(request.id, structuredClone(request));
  }

  findCustomer(id: string): CustomerRecord | undefined {
    return this.byId.get(id.toLowerCase());
  }

  dataOf(customer: CustomerRecord): CustomerData {
    const key = customer.id.toLowerCase();
    let data = this.data.get(key);
    if (!data) {
      const content = this.unloaded.get(key);
      if (!content) throw new Error(`no data for customer ${customer.id}`);
      data = customerData(content(), this.context);
      this.data.set(key, data);
      this.unloaded.delete(key);
    }
    return data;
  }
}

export function createStore(options: { extraCustomers: number } & LoadContext): SimStore {
  const seeded = seedCustomers.map((fixture) => ({
    customer: customerRecord(fixture),
    content: () => fixture,
  }));
  const generated = Array.from({ length: options.extraCustomers }, (_, index) => {
    const { profile, content } = generatedCustomer(index);
    return { customer: customerRecord(profile), content };
  });
  return new SimStore([...seeded, ...generated], options);
}
