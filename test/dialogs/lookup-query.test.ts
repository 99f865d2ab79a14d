import { interpretLookupQuery } from '../../src/dialogs/lookup-query';

describe('interpreting a lookup query', () => {
  it('reads a GUID as a tenant id, with or without braces, in any case', () => {
    expect(interpretLookupQuery('C5757D70-06F3-4F23-8367-5A9E55019F94')).toMatchObject({
      kind: 'tenantId',
      tenantId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
    });
    expect(interpretLookupQuery('{c5757d70-06f3-4f23-8367-5a9e55019f94}')).toMatchObject({
      kind: 'tenantId',
    });
  });

  it('reads text with a dot as a domain prefix, and anything else as a company-name prefix', () => {
    expect(interpretLookupQuery('contoso.onmicrosoft')).toEqual({
      kind: 'domain',
      prefix: 'contoso.onmicrosoft',
      text: 'contoso.onmicrosoft',
    });
    expect(interpretLookupQuery('  Wolfram & Hart ')).toEqual({
      kind: 'companyName',
      prefix: 'Wolfram & Hart',
      text: 'Wolfram & Hart',
    });
    expect(interpretLookupQuery('St. Mary Clinic')).toMatchObject({ kind: 'companyName' });
  });

  it('keeps quotes, braces, percent signs, emoji and CJK text as they are', () => {
    for (const text of ['"Contoso" {x}', '100% Ltd & Co', '🍕 Pizza', '台灣微軟', '微软中国']) {
      expect(interpretLookupQuery(text)).toEqual({ kind: 'companyName', prefix: text, text });
    }
  });

  it('refuses empty, one-character and over-long queries', () => {
    expect(interpretLookupQuery('   ')).toEqual({ problem: 'empty' });
    expect(interpretLookupQuery('a')).toEqual({ problem: 'tooShort', text: 'a' });
    expect(interpretLookupQuery('x'.repeat(10 * 1024))).toEqual({ problem: 'tooLong', length: 10 * 1024 });
    expect(interpretLookupQuery('x'.repeat(256))).toMatchObject({ kind: 'companyName' });
  });

  it('counts characters, not UTF-16 units, for the length limits', () => {
    expect(interpretLookupQuery('😀')).toEqual({ problem: 'tooShort', text: '😀' });
    expect(interpretLookupQuery('😀'.repeat(256))).toMatchObject({ kind: 'companyName' });
  });

  it('says a GUID is malformed rather than searching company names for it', () => {
    expect(interpretLookupQuery('c5757d70-06f3-4f23-8367-5a9e55019f9')).toMatchObject({
      problem: 'malformedTenantId',
    });
    expect(interpretLookupQuery('c5757d70-06f3-4f23-8367-5a9e55019f94x')).toMatchObject({
      problem: 'malformedTenantId',
    });
  });
});
