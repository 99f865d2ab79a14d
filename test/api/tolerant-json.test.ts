import { enumValue, JsonFields, UnexpectedShapeError } from '../../src/api/tolerant-json';

describe('tolerant JSON fields', () => {
  it('match property names case-insensitively', () => {
    const fields = new JsonFields({ CompanyName: 'ACME', tenantID: 'x' }, 'profile');
    expect(fields.string('companyName')).toBe('ACME');
    expect(fields.string('tenantId')).toBe('x');
  });

  it('prefer the camelCase spelling when both are present', () => {
    expect(new JsonFields({ Status: 'suspended', status: 'active' }, 's').string('status')).toBe('active');
    expect(new JsonFields({ status: 'active', Status: 'suspended' }, 's').string('status')).toBe('active');
  });

  it('read numbers as strings where the docs say string (support topic ids)', () => {
    expect(new JsonFields({ id: 32444667 }, 'topic').string('id')).toBe('32444667');
  });

  it('keep explicit nulls distinct from absent fields', () => {
    const fields = new JsonFields({ softDeletionTime: null }, 'user');
    expect(fields.nullableString('softDeletionTime')).toBeNull();
    expect(fields.nullableString('lastDirectorySyncTime')).toBeUndefined();
  });

  it('refuse something that is not an object, and a missing required field', () => {
    expect(() => new JsonFields([], 'customer')).toThrow(UnexpectedShapeError);
    expect(() => new JsonFields({}, 'customer').requiredString('id', 'customer')).toThrow(
      /customer.id is missing/,
    );
  });
});

describe('enum values', () => {
  const statuses = ['none', 'open', 'closed', 'attention_needed'] as const;

  it('map integer ordinals through the SDK order', () => {
    expect(enumValue(1, statuses)).toBe('open');
    expect(enumValue(3, statuses)).toBe('attention_needed');
    expect(enumValue('1', statuses)).toBe('open');
  });

  it('keep an unknown ordinal as its number', () => {
    expect(enumValue(9, statuses)).toBe('9');
  });

  it.each(['attention_needed', 'AttentionNeeded', 'attentionNeeded', 'ATTENTION_NEEDED', 'attentionneeded'])(
    'read %s as attention_needed',
    (value) => {
      expect(enumValue(value, statuses)).toBe('attention_needed');
    },
  );

  it('pass unknown values through as lower snake case (open enums)', () => {
    expect(enumValue('MicrosoftSupport')).toBe('microsoft_support');
    expect(enumValue('ACTIVE')).toBe('active');
    expect(enumValue('brand_new_value', statuses)).toBe('brand_new_value');
  });

  it('ignore empty and non-enum values', () => {
    expect(enumValue('')).toBeUndefined();
    expect(enumValue(null)).toBeUndefined();
    expect(enumValue({})).toBeUndefined();
  });
});
