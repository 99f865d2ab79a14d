import type { Customer } from '../../src/api/models';
import { customerCard } from '../../src/cards/customer-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, textRuns } from './card-tree';

const text = strings('en-US');
const fromSearch: Customer = {
  id: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  companyProfile: {
    tenantId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
    domain: 'contoso190.onmicrosoft.com',
    companyName: 'Contoso190',
  },
  relationshipToPartner: 'reseller',
};

describe('customer card', () => {
  it('shows company name, domain, tenant id and relationship for a customer from search', () => {
    expect(textRuns(customerCard({ customer: fromSearch }, text))).toEqual([
      'Contoso190',
      'Domain',
      'contoso190.onmicrosoft.com',
      'Tenant id',
      'c5757d70-06f3-4f23-8367-5a9e55019f94',
      'Relationship',
      'Cloud reseller',
    ]);
  });

  it('adds address, custom domains and delegated access when Partner Center returned them', () => {
    const detailed: Customer = {
      ...fromSearch,
      companyProfile: {
        ...fromSearch.companyProfile,
        address: {
          addressLine1: '1 Microsoft Way',
          addressLine2: '',
          city: 'Redmond',
          state: 'WA',
          country: 'US',
        },
      },
      customDomains: ['contoso.com', 'contoso.net'],
      allowDelegatedAccess: false,
    };
    expect(textRuns(customerCard({ customer: detailed }, text)).slice(7)).toEqual([
      'Address',
      '1 Microsoft Way, Redmond, WA, US',
      'Custom domains',
      'contoso.com, contoso.net',
      'Delegated admin access',
      'Not allowed',
    ]);
  });

  it('leaves out what is unknown, and shows a relationship it has no label for as sent', () => {
    const sparse: Customer = { ...fromSearch, relationshipToPartner: 'indirect_partner', customDomains: [] };
    const withoutRelationship: Customer = { id: fromSearch.id, companyProfile: fromSearch.companyProfile };
    expect(textRuns(customerCard({ customer: sparse }, text)).slice(5)).toEqual([
      'Relationship',
      'indirect_partner',
    ]);
    expect(textRuns(customerCard({ customer: withoutRelationship }, text))).toHaveLength(5);
  });

  it('offers next steps (a new ticket among them) and refresh as Action.Execute buttons carrying only the customer id', () => {
    const actions = executeActions(customerCard({ customer: fromSearch }, text));
    expect(actions.map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Users', verb: 'customer.users', data: { customerId: fromSearch.id } },
      { title: 'Subscriptions', verb: 'customer.subscriptions', data: { customerId: fromSearch.id } },
      { title: 'Service requests', verb: 'customer.tickets', data: { customerId: fromSearch.id } },
      { title: 'New ticket', verb: 'customer.newTicket', data: { customerId: fromSearch.id } },
      { title: 'Refresh', verb: 'customer.refresh', data: { customerId: fromSearch.id } },
    ]);
  });
});
