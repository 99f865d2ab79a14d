import type { CustomerRecord } from '../data/records';
import { collection, link } from '../protocol/collections';
import type { ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { customerOf } from './lookups';

/** D1: admin-portal deep links per managed service, on the documented path and the seed's misspelling. */
export function managedServiceRoutes(state: SimulatorState): ApiRoute[] {
  return ['managedservices', 'managementservices'].map((segment) => ({
    method: 'GET',
    template: `/v1/customers/{customer-tenant-id}/${segment}`,
    access: 'user-only',
    handle: (request) => ({ status: 200, body: collection(managedServices(customerOf(state, request))) }),
  }));
}

function managedServices(customer: CustomerRecord) {
  const domain = encodeURIComponent(customer.domain);
  const session = (destination: string) =>
    `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${customer.id}&CSDEST=${destination}`;
  const service = (id: string, name: string) => ({
    id,
    name,
    groupName: 'Office',
    links: {
      adminService: link(`${session(id)}&InitialDomain=${domain}&PrimaryDomain=${domain}`),
      serviceHealth: link(session('ServiceStatus')),
      serviceTicket: link(session('Support')),
    },
    attributes: { objectType: 'ManagedService' },
  });
  return [service('Exchange', 'Exchange'), service('MicrosoftCommunicationsOnline', 'SkypeforBusiness')];
}
