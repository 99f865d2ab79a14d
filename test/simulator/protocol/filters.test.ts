import { matchesText, parseFilter } from '../../../src/simulator/protocol/filters';

const support = { CompanyName: ['starts_with', 'substring'], UserState: ['equals'] } as const;

describe('the filter query parameter (reference §2.7)', () => {
  it('reads Field, Value and Operator case-insensitively and gives the canonical field name', () => {
    expect(parseFilter('{"field":"companyname","VALUE":"Cont","operator":"starts_with"}', support)).toEqual({
      field: 'CompanyName',
      value: 'Cont',
      operator: 'starts_with',
    });
  });

  it('accepts operators as snake_case, PascalCase or the SDK ordinal', () => {
    for (const operator of ['"starts_with"', '"StartsWith"', '"STARTS_WITH"', '9']) {
      expect(
        parseFilter(`{"Field":"CompanyName","Value":"x","Operator":${operator}}`, support).operator,
      ).toBe('starts_with');
    }
    expect(parseFilter('{"Field":"UserState","Value":"Inactive","Operator":0}', support).operator).toBe(
      'equals',
    );
  });

  it('keeps hostile values exactly as sent', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} is one of the hostile inputs
    const value = '"}{&%25 🚀 株式会社 \\ ${x}';
    const text = JSON.stringify({ Field: 'CompanyName', Value: value, Operator: 'starts_with' });
    expect(parseFilter(text, support).value).toBe(value);
  });

  it.each([
    ['not JSON', '{"Field":'],
    ['not an object', '"CompanyName"'],
    ['an unknown field', '{"Field":"Country","Value":"US","Operator":"equals"}'],
    ['an operator the field does not support', '{"Field":"UserState","Value":"x","Operator":"starts_with"}'],
    ['an unknown operator', '{"Field":"CompanyName","Value":"x","Operator":"like"}'],
    ['an ordinal out of range', '{"Field":"CompanyName","Value":"x","Operator":42}'],
    ['a value that is not a string', '{"Field":"CompanyName","Value":["x"],"Operator":"substring"}'],
  ])('refuses %s with 400 800002', (_, text) => {
    expect(() => parseFilter(text, support)).toThrow(expect.objectContaining({ status: 400, code: 800002 }));
  });

  it('compares case-insensitively by prefix, substring or equality', () => {
    const filter = (operator: 'starts_with' | 'substring' | 'equals', value: string) => ({
      field: 'f',
      value,
      operator,
    });
    expect(matchesText('Contoso Ltd', filter('starts_with', 'CONT'))).toBe(true);
    expect(matchesText('Contoso Ltd', filter('starts_with', 'ltd'))).toBe(false);
    expect(matchesText('Contoso Ltd', filter('substring', 'SO L'))).toBe(true);
    expect(matchesText('Inactive', filter('equals', 'inactive'))).toBe(true);
    expect(matchesText(undefined, filter('equals', ''))).toBe(false);
  });
});
