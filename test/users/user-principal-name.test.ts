import type { Customer } from '../../src/api/models';
import {
  isUpnProblem,
  ownersOfDomain,
  parseUserPrincipalName,
  sameUpn,
} from '../../src/users/user-principal-name';

function customer(id: string, domain: string, customDomains?: string[]): Customer {
  return { id, companyProfile: { tenantId: id, domain, companyName: id }, customDomains };
}

describe('reading a user principal name', () => {
  it.each([
    ['alex.wilber@dakotamall.onmicrosoft.com', 'dakotamall.onmicrosoft.com'],
    ['  Daniel@DTDemoCSPCustomer005.onmicrosoft.com ', 'dtdemocspcustomer005.onmicrosoft.com'],
    ['<jd1990@dakotamall.onmicrosoft.com>', 'dakotamall.onmicrosoft.com'],
    ['mailto:jd1990@dakotamall.onmicrosoft.com', 'dakotamall.onmicrosoft.com'],
    ["o'brien+test@contoso.co.uk", 'contoso.co.uk'],
  ])('reads %j as a UPN in %s', (typed, domain) => {
    const upn = parseUserPrincipalName(typed);
    expect(upn).toEqual({ upn: expect.any(String), domain });
    if (!isUpnProblem(upn)) expect(upn.upn).toBe(upn.upn.trim());
  });

  it.each([
    'alex',
    'alex@',
    '@contoso.com',
    'alex@contoso',
    'a b@contoso.com',
    'a@b@contoso.com',
    'alex@.com',
  ])('refuses %j as malformed', (typed) => {
    expect(parseUserPrincipalName(typed)).toEqual({ problem: 'malformed', text: typed });
  });

  it('refuses an empty text and one longer than Entra ID allows', () => {
    expect(parseUserPrincipalName('   ')).toEqual({ problem: 'empty' });
    expect(parseUserPrincipalName(`${'a'.repeat(100)}@contoso.onmicrosoft.com`)).toMatchObject({
      problem: 'malformed',
    });
  });

  it('compares UPNs case-insensitively', () => {
    expect(sameUpn('Daniel@X.com', 'daniel@x.COM')).toBe(true);
    expect(sameUpn('daniel@x.com', 'danielle@x.com')).toBe(false);
  });
});

describe('which customers own a UPN domain', () => {
  const dakota = customer('f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f', 'dakotamall.onmicrosoft.com');
  const dakotaAu = customer('1', 'dakotamall.onmicrosoft.com.au');

  it('keeps only exact (case-insensitive) domain matches from a starts_with search', () => {
    expect(ownersOfDomain([dakota, dakotaAu], 'DakotaMall.onmicrosoft.com')).toEqual([dakota]);
  });

  it('counts a custom domain when Partner Center listed it', () => {
    const fabrikam = customer('2', 'fabrikam.onmicrosoft.com', ['fabrikam.com']);
    expect(ownersOfDomain([fabrikam], 'fabrikam.com')).toEqual([fabrikam]);
  });

  it('finds none, or several (the ambiguous case), and counts a customer listed twice once', () => {
    expect(ownersOfDomain([dakotaAu], 'dakotamall.onmicrosoft.com')).toEqual([]);
    const twin = customer('3', 'dakotamall.onmicrosoft.com');
    expect(ownersOfDomain([dakota, twin, dakota], 'dakotamall.onmicrosoft.com')).toEqual([dakota, twin]);
  });
});
