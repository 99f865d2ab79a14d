/**
 * How company names, domains and queries become search terms (pure). Names and queries go through the
 * same steps, so a query matches what the agent sees: split on spaces, punctuation and symbols (a domain
 * splits at its dots), lower-cased, accents removed (`García` ↔ `garcia`), and words that tell customers
 * apart from nothing dropped: joining words (`Wolfram & Hart` ↔ `wolfram and hart`) and the labels every
 * domain shares (`onmicrosoft`, `com`: else `co` would match every customer through `.com`). An indexed word that mixes letters and digits is also indexed by
 * its parts, so `contso` still finds `Contoso190` and `005` finds `DT Demo CSP Customer 005`.
 */

const separators = /[\s\p{P}\p{S}]+/u;
const combiningMarks = /\p{M}+/gu;
const letterDigitRuns = /\p{L}+|\p{N}+/gu;
const noiseWords: ReadonlySet<string> = new Set([
  'and',
  'und',
  'et',
  'the',
  'of',
  'onmicrosoft',
  'com',
  'net',
  'org',
]);

export function tokenize(text: string): string[] {
  return text.split(separators).filter((token) => token !== '');
}

/** A query term as the index compares it, or null for a word that carries no meaning on its own. */
export function normalizeTerm(term: string): string | null {
  const normalized = term.normalize('NFKD').replace(combiningMarks, '').toLowerCase();
  return normalized === '' || noiseWords.has(normalized) ? null : normalized;
}

/** The terms an indexed word contributes: itself and, when it mixes letters and digits, each run of either. */
export function indexTerms(term: string): string[] | null {
  const normalized = normalizeTerm(term);
  if (normalized === null) return null;
  const runs = normalized.match(letterDigitRuns) ?? [];
  return runs.length > 1 ? [normalized, ...runs] : [normalized];
}
