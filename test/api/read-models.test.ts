import {
  readCollection,
  readCustomer,
  readServiceRequest,
  readSubscription,
  readSupportTopic,
  readUser,
} from '../../src/api/read-models';
import { UnexpectedShapeError } from '../../src/api/tolerant-json';

describe('reading Partner Center resources', () => {
  it('reads a customer from the documented get-by-id example', () => {
    const customer = readCustomer({
      id: 'eebd1b55-5360-4438-a11d-5c06918c3014',
      commerceId: '99e6a635-48e7-424d-9059-c9db944e3c54',
      companyProfile: {
        tenantId: 'eebd1b55-5360-4438-a11d-5c06918c3014',
        domain: 'abcdefgh1234.ccsctp.net',
        companyName: '1kl as kjk',
        address: { country: 'US', city: 'redmond', postalCode: '98052' },
        email: 'a@a.com',
        links: { self: { uri: '/customers/x/profiles/company', method: 'GET', headers: [] } },
      },
      billingProfile: { id: 'eeada110-69d6-4cc9-b093-75feb7ca9d3f' },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      customDomains: ['abcdefgh1234.ccsctp.net'],
      attributes: { objectType: 'Customer' },
    });
    expect(customer).toEqual({
      id: 'eebd1b55-5360-4438-a11d-5c06918c3014',
      commerceId: '99e6a635-48e7-424d-9059-c9db944e3c54',
      companyProfile: {
        tenantId: 'eebd1b55-5360-4438-a11d-5c06918c3014',
        domain: 'abcdefgh1234.ccsctp.net',
        companyName: '1kl as kjk',
        address: { country: 'US', city: 'redmond', postalCode: '98052' },
        email: 'a@a.com',
      },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: true,
      customDomains: ['abcdefgh1234.ccsctp.net'],
      attributes: { objectType: 'Customer' },
    });
  });

  it('reads PascalCase bodies like the documented requests', () => {
    const customer = readCustomer({
      Id: '81a570b1-db47-4da6-9abd-a31abacd60b8',
      CompanyProfile: { Domain: 'ACMECorporation1949.onmicrosoft.com', CompanyName: 'ACME Corporation' },
      RelationshipToPartner: 'MicrosoftSupport',
    });
    expect(customer.companyProfile).toEqual({
      tenantId: '81a570b1-db47-4da6-9abd-a31abacd60b8',
      domain: 'ACMECorporation1949.onmicrosoft.com',
      companyName: 'ACME Corporation',
    });
    expect(customer.relationshipToPartner).toBe('microsoft_support');
  });

  it('never carries an echoed password out of a user', () => {
    const user = readUser({
      id: '95794928-9abe-4548-8b43-50ffc20b9404',
      userPrincipalName: 'username@contoso.onmicrosoft.com',
      passwordProfile: { forceChangePassword: false, password: 'Renew456*' },
      lastDirectorySyncTime: null,
      softDeletionTime: null,
      state: 'Active',
    });
    expect(JSON.stringify(user)).not.toContain('Renew456*');
    expect(user).toMatchObject({ state: 'active', softDeletionTime: null, lastDirectorySyncTime: null });
  });

  it('reads integer service request enums by SDK ordinal', () => {
    const request = readServiceRequest({ title: 'Test', severity: 0, id: '615112491169010', status: 1 });
    expect(request).toEqual({ id: '615112491169010', title: 'Test', severity: 'unknown', status: 'open' });
  });

  it('reads service request notes', () => {
    const request = readServiceRequest({
      id: '616122292874576',
      notes: [{ createdByName: 'Account', createdDate: '2017-01-09T23:31:15.373', text: 'Sample Note' }],
    });
    expect(request.notes).toEqual([
      { createdByName: 'Account', createdDate: '2017-01-09T23:31:15.373', text: 'Sample Note' },
    ]);
  });

  it('reads a numeric support topic id as a string', () => {
    expect(readSupportTopic({ name: 'Partner Center Issues', id: 32444667 })).toEqual({
      id: '32444667',
      name: 'Partner Center Issues',
    });
  });

  it('reads subscription status as a string or an SDK ordinal', () => {
    const base = { id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99' };
    expect(readSubscription({ ...base, status: 'Suspended' }).status).toBe('suspended');
    expect(readSubscription({ ...base, status: 2 }).status).toBe('suspended');
    expect(readSubscription({ ...base, status: 'pending' }).status).toBe('pending');
    expect(
      readSubscription({ ...base, attributes: { etag: 'eyJ', objectType: 'Subscription' } }).attributes,
    ).toEqual({
      etag: 'eyJ',
      objectType: 'Subscription',
    });
  });

  it('reads a collection with its next link', () => {
    const collection = readCollection(
      {
        totalCount: 24,
        Items: [{ id: 'a', userPrincipalName: 'a@x' }],
        links: {
          next: {
            uri: '/customers/x/users?seekOperation=Next',
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: 't' }],
          },
        },
      },
      readUser,
    );
    expect(collection.items).toHaveLength(1);
    expect(collection.next).toEqual({
      uri: '/customers/x/users?seekOperation=Next',
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value: 't' }],
    });
  });

  it('refuses a collection without items, and an item without its id', () => {
    expect(() => readCollection({ totalCount: 0 }, readUser)).toThrow(UnexpectedShapeError);
    expect(() => readCollection({ items: [{ userPrincipalName: 'a@x' }] }, readUser)).toThrow(
      /user.id is missing/,
    );
  });
});
