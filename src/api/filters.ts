import type { CustomerSearchField } from './partner-center';

/**
 * Partner Center collection filters (reference §2.7): a JSON object with Field, Value and Operator,
 * serialized and URL-encoded as the `filter` query value. JSON.stringify escapes quotes, backslashes,
 * control characters and lone surrogates, and encodeURIComponent then encodes everything that could end
 * the query value (&, =, #, %, +, spaces, braces, non-ASCII), so no search text can change the request.
 */

export type FilterOperator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_or_equals'
  | 'less_than'
  | 'less_than_or_equals'
  | 'substring'
  | 'and'
  | 'or'
  | 'starts_with'
  | 'not_starts_with';

export interface FieldFilter {
  Field: string;
  Value: string;
  Operator: FilterOperator;
}

/** Builds the filter with the key order the documentation shows (Field, Value, Operator). */
export function fieldFilter(field: string, value: string, operator: FilterOperator): FieldFilter {
  return { Field: field, Value: value, Operator: operator };
}

/** The encoded `filter` query value, e.g. `%7B%22Field%22%3A%22CompanyName%22%2C…%7D`. */
export function encodeFilter(filter: FieldFilter): string {
  return encodeURIComponent(JSON.stringify(filter));
}

/** The `filter=…` query parameter for withQuery. */
export function filterParam(filter: FieldFilter): string {
  return `filter=${encodeFilter(filter)}`;
}

/** Customers support only `starts_with` (a case-insensitive prefix match). */
export function customerSearchFilter(field: CustomerSearchField, prefix: string): FieldFilter {
  return fieldFilter(field, prefix, 'starts_with');
}

/** Soft-deleted users: the request field is `UserState` (not the `UserStatus` of the documented self link). */
export function deletedUsersFilter(): FieldFilter {
  return fieldFilter('UserState', 'Inactive', 'equals');
}
