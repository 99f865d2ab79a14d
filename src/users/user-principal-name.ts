import type { Customer } from '../api/models';

/**
 * Reading a user principal name typed in chat, and which customers own its domain (pure).
 * Partner Center searches customers by the start of their primary domain only, so the owners of a UPN's
 * domain are the search results whose primary domain (or, when known, a custom domain) equals it exactly.
 */

/** Entra ID allows 113 characters: a 64-character alias, '@', a 48-character domain. */
export const MAX_UPN_LENGTH = 113;

export interface UserPrincipalName {
  /** As typed (trimmed, without mailto: or angle brackets). */
  upn: string;
  /** Lower case, for comparisons and customer search. */
  domain: string;
}

export type UpnProblem = { problem: 'empty' } | { problem: 'malformed'; text: string };

const shape = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;

export function parseUserPrincipalName(raw: string): UserPrincipalName | UpnProblem {
  const text = raw
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .replace(/^mailto:/i, '')
    .trim();
  if (text === '') return { problem: 'empty' };
  if ([...text].length > MAX_UPN_LENGTH || !shape.test(text)) return { problem: 'malformed', text };
  const domain = text.slice(text.lastIndexOf('@') + 1).toLowerCase();
  return { upn: text, domain };
}

export function isUpnProblem(value: UserPrincipalName | UpnProblem): value is UpnProblem {
  return 'problem' in value;
}

export function sameUpn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function ownsDomain(customer: Customer, domain: string): boolean {
  const wanted = domain.toLowerCase();
  const domains = [customer.companyProfile.domain, ...(customer.customDomains ?? [])];
  return domains.some((owned) => owned.toLowerCase() === wanted);
}

/** The customers, among search results, that own the domain; duplicates (same id) counted once. */
export function ownersOfDomain(candidates: readonly Customer[], domain: string): Customer[] {
  const owners = new Map<string, Customer>();
  for (const customer of candidates) {
    if (ownsDomain(customer, domain) && !owners.has(customer.id.toLowerCase())) {
      owners.set(customer.id.toLowerCase(), customer);
    }
  }
  return [...owners.values()];
}
