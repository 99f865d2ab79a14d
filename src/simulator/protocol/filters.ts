import { errors } from './errors';
import { enumValue, field, isJsonObject, normalizeKeys } from './request-body';

/**
 * The `filter` query parameter (reference §2.7): a URL-encoded JSON object
 * `{"Field": ..., "Value": ..., "Operator": ...}`. Operators are accepted as snake_case, PascalCase or the
 * integer ordinal of the SDK's FieldFilterOperation enum (whose order this list follows).
 */
const filterOperators = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_or_equals',
  'less_than',
  'less_than_or_equals',
  'substring',
  'and',
  'or',
  'starts_with',
  'not_starts_with',
] as const;

export type FilterOperator = (typeof filterOperators)[number];

export interface FieldFilter {
  /** The field's canonical spelling, as listed in the endpoint's FilterSupport. */
  field: string;
  value: string;
  operator: FilterOperator;
}

/** The fields an endpoint filters on, each with the operators it accepts. */
export type FilterSupport = Readonly<Record<string, readonly FilterOperator[]>>;

/** Parses an already URL-decoded filter; anything unsupported or malformed → 400 800002. */
export function parseFilter(text: string, support: FilterSupport): FieldFilter {
  let parsed: unknown;
  try {
    parsed = normalizeKeys(JSON.parse(text));
  } catch {
    throw errors.invalidInput('the filter is not valid JSON');
  }
  if (!isJsonObject(parsed)) throw errors.invalidInput('the filter must be a JSON object');

  const fieldName = field(parsed, 'field');
  const canonical = Object.keys(support).find(
    (candidate) => typeof fieldName === 'string' && candidate.toLowerCase() === fieldName.toLowerCase(),
  );
  if (canonical === undefined) throw errors.invalidInput(`the filter field is not supported here`);

  const operator = enumValue(field(parsed, 'operator'), filterOperators);
  if (operator === undefined || !support[canonical]?.includes(operator)) {
    throw errors.invalidInput(`the filter operator is not supported for ${canonical}`);
  }

  const value = field(parsed, 'value');
  if (typeof value !== 'string') throw errors.invalidInput('the filter value must be a string');
  return { field: canonical, value, operator };
}

/** Whether `candidate` satisfies a string filter, comparing case-insensitively. */
export function matchesText(candidate: string | undefined, filter: FieldFilter): boolean {
  if (candidate === undefined) return false;
  const haystack = candidate.toLowerCase();
  const needle = filter.value.toLowerCase();
  switch (filter.operator) {
    case 'starts_with':
      return haystack.startsWith(needle);
    case 'substring':
      return haystack.includes(needle);
    case 'equals':
      return haystack === needle;
    default:
      return false;
  }
}
