import {
  allCustomers,
  type CustomerScope,
  describeScope,
  exceptCustomers,
  noCustomers,
  onlyCustomers,
  scopeAllows,
  unionOf,
} from '../../src/auth/customer-scope';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';

const covered = (scope: CustomerScope) => [A, B, C].filter((id) => scopeAllows(scope, id));

describe('customer scopes', () => {
  it('cover every customer, a list (case-insensitively), or all but a list', () => {
    expect(covered(allCustomers)).toEqual([A, B, C]);
    expect(covered(onlyCustomers([A.toUpperCase(), B]))).toEqual([A, B]);
    expect(covered(exceptCustomers([B]))).toEqual([A, C]);
    expect(covered(noCustomers)).toEqual([]);
  });

  it.each([
    ['all with anything', allCustomers, onlyCustomers([A]), [A, B, C]],
    ['two lists', onlyCustomers([A]), onlyCustomers([B]), [A, B]],
    ['two exclusions', exceptCustomers([A, B]), exceptCustomers([B, C]), [A, C]],
    ['a list with an exclusion', onlyCustomers([A]), exceptCustomers([A, B]), [A, C]],
    ['an exclusion with a list covering it', exceptCustomers([B]), onlyCustomers([B]), [A, B, C]],
  ])('unite %s', (_, left, right, expected) => {
    expect(covered(unionOf(left, right))).toEqual(expected);
    expect(covered(unionOf(right, left))).toEqual(expected);
  });

  it('describe themselves without naming customers', () => {
    expect(describeScope(allCustomers)).toBe('all customers');
    expect(describeScope(onlyCustomers([A, B]))).toBe('only 2 customer(s)');
    expect(describeScope(exceptCustomers([A]))).toBe('all but 1 customer(s)');
  });
});
