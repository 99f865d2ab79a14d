import { DEFAULT_PORTAL_SERVICE_REQUESTS_URL } from '../../src/config';
import { serviceRequestsPortalUrl } from '../../src/tickets/portal-link';

describe('the portal page of a customer’s service requests', () => {
  it('puts the tenant id into the configured page', () => {
    expect(
      serviceRequestsPortalUrl(DEFAULT_PORTAL_SERVICE_REQUESTS_URL, 'c5757d70-06f3-4f23-8367-5a9e55019f94'),
    ).toBe(
      'https://partner.microsoft.com/dashboard/v2/customers/c5757d70-06f3-4f23-8367-5a9e55019f94/servicemanagementpage',
    );
  });

  it('encodes what it inserts, so an id can never change the page or the host', () => {
    expect(serviceRequestsPortalUrl('https://portal.example/c/{customerId}?x={customerId}', '../a b?#')).toBe(
      'https://portal.example/c/..%2Fa%20b%3F%23?x=..%2Fa%20b%3F%23',
    );
  });
});
