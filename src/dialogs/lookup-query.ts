/**
 * What a `lookup` query means (pure): a tenant id, a domain prefix, or a company-name prefix.
 * Partner Center searches customers only by `starts_with` on CompanyName or Domain.
 */

export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 256;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Text that is almost all hex digits with GUID-like dashes: the agent meant a tenant id and mistyped it. */
function looksLikeTenantIdAttempt(text: string): boolean {
  if (/\s/.test(text) || text.length < 20 || (text.match(/-/g) ?? []).length < 3) return false;
  const hexOrDash = (text.match(/[0-9a-f-]/gi) ?? []).length;
  return hexOrDash / text.length >= 0.9;
}

export type LookupQuery =
  | { kind: 'tenantId'; tenantId: string; text: string }
  | { kind: 'domain'; prefix: string; text: string }
  | { kind: 'companyName'; prefix: string; text: string };

export type LookupQueryProblem =
  | { problem: 'empty' }
  | { problem: 'tooShort'; text: string }
  | { problem: 'tooLong'; length: number }
  | { problem: 'malformedTenantId'; text: string };

export function interpretLookupQuery(raw: string): LookupQuery | LookupQueryProblem {
  const text = raw.trim();
  if (text === '') return { problem: 'empty' };
  const length = [...text].length;
  if (length > MAX_QUERY_LENGTH) return { problem: 'tooLong', length };
  if (length < MIN_QUERY_LENGTH) return { problem: 'tooShort', text };

  const unbraced = text.replace(/^[{(]|[})]$/g, '');
  if (guid.test(unbraced)) return { kind: 'tenantId', tenantId: unbraced.toLowerCase(), text };
  if (looksLikeTenantIdAttempt(unbraced)) return { problem: 'malformedTenantId', text };
  if (text.includes('.') && !/\s/.test(text)) return { kind: 'domain', prefix: text, text };
  return { kind: 'companyName', prefix: text, text };
}

export function isLookupProblem(value: LookupQuery | LookupQueryProblem): value is LookupQueryProblem {
  return 'problem' in value;
}
