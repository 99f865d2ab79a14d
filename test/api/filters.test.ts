import {
  customerSearchFilter,
  deletedUsersFilter,
  encodeFilter,
  fieldFilter,
  filterParam,
} from '../../src/api/filters';

function decodedQueryValue(query: string, name: string): string | null {
  return new URLSearchParams(query).get(name);
}

describe('customer search filter', () => {
  it('encodes exactly as the documented example', () => {
    expect(encodeFilter(customerSearchFilter('CompanyName', 'Cont'))).toBe(
      '%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22Cont%22%2C%22Operator%22%3A%22starts_with%22%7D',
    );
  });

  it('uses starts_with, the only operator customers support', () => {
    expect(customerSearchFilter('Domain', 'acme')).toEqual({
      Field: 'Domain',
      Value: 'acme',
      Operator: 'starts_with',
    });
  });

  it.each([
    ['quotes and backslashes', 'Wolfram "&" Hart \\ Co'],
    ['braces and JSON look-alikes', '"},{"Field":"Domain","Value":"x'],
    ['query delimiters', 'a&size=1000&filter=x#frag?y=z'],
    ['percent signs and plus', '100% + 50%25'],
    ['CJK and accents', '株式会社コントソ Société'],
    ['emoji', 'Contoso 🚀👩‍💻'],
    ['control characters and a lone surrogate', 'line\nbreak\ttab\u0000\ud800'],
  ])('keeps %s intact through the round trip', (_label, value) => {
    const query = `size=0&${filterParam(customerSearchFilter('CompanyName', value))}`;
    const params = new URLSearchParams(query);
    expect([...params.keys()]).toEqual(['size', 'filter']);
    const filter = JSON.parse(decodedQueryValue(query, 'filter') ?? '');
    expect(filter).toEqual({ Field: 'CompanyName', Value: value, Operator: 'starts_with' });
  });

  it('leaves no character that could end the query value unencoded', () => {
    const encoded = encodeFilter(customerSearchFilter('CompanyName', `&=#?+%/ "{}'<>\``));
    expect(encoded).toMatch(/^[A-Za-z0-9%\-_.!~*'()]+$/);
  });
});

describe('deleted users filter', () => {
  it('asks for UserState Inactive as the documented request does', () => {
    expect(deletedUsersFilter()).toEqual({ Field: 'UserState', Value: 'Inactive', Operator: 'equals' });
    expect(filterParam(deletedUsersFilter())).toBe(
      'filter=%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22Inactive%22%2C%22Operator%22%3A%22equals%22%7D',
    );
  });
});

describe('field filter', () => {
  it('keeps the documented key order Field, Value, Operator', () => {
    expect(JSON.stringify(fieldFilter('CustomerId', 'x', 'equals'))).toBe(
      '{"Field":"CustomerId","Value":"x","Operator":"equals"}',
    );
  });
});
