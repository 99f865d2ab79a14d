import { type LookupInterpretation, lookupNoMatchCard } from '../../src/cards/lookup-no-match-card';
import { strings } from '../../src/i18n/strings';
import { textRuns } from './card-tree';

const text = strings('en-US');

describe('lookup no-match card', () => {
  it.each<[LookupInterpretation, RegExp]>([
    ['tenantId', /read as a customer tenant id/],
    ['domain', /read as the start of a domain name/],
    ['companyName', /read as the start of a company name/],
  ])('shows the query and explains it was read as a %s', (interpretedAs, explanation) => {
    const runs = textRuns(lookupNoMatchCard({ query: 'acme', interpretedAs }, text));
    expect(runs[0]).toBe('No customer matches “acme”');
    expect(runs[1]).toMatch(explanation);
  });

  it('gives one example for each way to search', () => {
    const runs = textRuns(lookupNoMatchCard({ query: 'acme', interpretedAs: 'domain' }, text));
    expect(runs.slice(2)).toEqual([
      'You can search in three ways:',
      text.t('lookup.noMatch.example.companyName'),
      text.t('lookup.noMatch.example.domain'),
      text.t('lookup.noMatch.example.tenantId'),
    ]);
  });
});
