import type { CustomerRecord } from '../data/records';
import { link, pagedCollection, queryParam } from '../protocol/collections';
import { etagFor } from '../protocol/etags';
import { type FilterSupport, matchesText, parseFilter } from '../protocol/filters';
import type { ApiRequest, ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { customerOf } from './lookups';

/** A1 list, A2 search, A3 get by id, A4 company profile (reference §4). */
export function customerRoutes(state: SimulatorState): ApiRoute[] {
  return [
    {
      method: 'GET',
      template: '/v1/customers',
      access: 'app-or-user',
      handle: (request) => ({ status: 200, body: listCustomers(state, request) }),
    },
    {
      method: 'GET',
      template: '/v1/customers/{customer-tenant-id}',
      access: 'app-or-user',
      handle: (request) => ({ status: 200, body: customerView(customerOf(state, request)) }),
    },
    {
      method: 'GET',
      template: '/v1/customers/{customer-tenant-id}/profiles/company',
      access: 'user-only',
      handle: (request) => ({ status: 200, body: companyProfileView(customerOf(state, request), 'full') }),
    },
  ];
}

/** Customers accept only starts_with, on these fields (reference §2.7). */
const customerSearch: FilterSupport = {
  CompanyName: ['starts_with'],
  Domain: ['starts_with'],
  IndirectReseller: ['starts_with'],
  IndirectCloudSolutionProvider: ['starts_with'],
};

const searchedValue: Readonly<Record<string, (customer: CustomerRecord) => string | undefined>> = {
  CompanyName: (customer) => customer.companyName,
  Domain: (customer) => customer.domain,
  IndirectReseller: (customer) => customer.indirectResellerId,
  IndirectCloudSolutionProvider: (customer) => customer.indirectProviderId,
};

function listCustomers(state: SimulatorState, request: ApiRequest) {
  const filterText = queryParam(request.query, 'filter');
  let customers = state.store.customers;
  if (filterText !== undefined) {
    const filter = parseFilter(filterText, customerSearch);
    const fieldOf = searchedValue[filter.field] as (customer: CustomerRecord) => string | undefined;
    customers = customers.filter((customer) => matchesText(fieldOf(customer), filter));
  }
  return pagedCollection(customers, request, state.config.paging, customerSummaryView);
}

/** List and search items: no billing profile, no allowDelegatedAccess (reference A1). */
function customerSummaryView(customer: CustomerRecord) {
  return {
    id: customer.id,
    companyProfile: companyProfileView(customer, 'summary'),
    relationshipToPartner: customer.relationshipToPartner,
    links: { self: link(`/customers/${customer.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

function customerView(customer: CustomerRecord) {
  return {
    id: customer.id,
    commerceId: customer.commerceId,
    companyProfile: companyProfileView(customer, 'full'),
    billingProfile: billingProfileView(customer),
    relationshipToPartner: customer.relationshipToPartner,
    allowDelegatedAccess: customer.allowDelegatedAccess,
    customDomains: customer.customDomains,
    links: { self: link(`/customers/${customer.id}`) },
    attributes: { objectType: 'Customer' },
  };
}

function companyProfileView(customer: CustomerRecord, detail: 'summary' | 'full') {
  return {
    tenantId: customer.id,
    domain: customer.domain,
    companyName: customer.companyName,
    address: detail === 'full' ? customer.address : undefined,
    email: detail === 'full' ? customer.email : undefined,
    links: { self: link(`/customers/${customer.id}/profiles/company`) },
    attributes: { objectType: 'CustomerCompanyProfile' },
  };
}

function billingProfileView(customer: CustomerRecord) {
  const { billingProfile: profile } = customer;
  return {
    id: profile.id,
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    culture: profile.culture,
    language: profile.language,
    companyName: profile.companyName,
    defaultAddress: profile.defaultAddress,
    links: { self: link(`/customers/${customer.id}/profiles/billing`) },
    attributes: { etag: profile.etag ?? etagFor(profile.id, 1), objectType: 'CustomerBillingProfile' },
  };
}
