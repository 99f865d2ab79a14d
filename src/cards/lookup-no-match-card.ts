import type { Strings } from '../i18n/strings';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/lookup-no-match.json';

/**
 * How a lookup query was searched: a full tenant id, a domain prefix or a company-name prefix (Partner
 * Center), or names and domains with typos allowed (the customer index).
 */
export type LookupInterpretation = 'tenantId' | 'domain' | 'companyName' | 'index';

export interface LookupNoMatchCardData {
  query: string;
  interpretedAs: LookupInterpretation;
}

interface LookupNoMatchView {
  title: string;
  interpretation: string;
  howTo: string;
  examples: string[];
}

const template = defineTemplate<LookupNoMatchView>('lookupNoMatch', json);

export function lookupNoMatchCard(data: LookupNoMatchCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    title: text.t('lookup.noMatch.title', { query: data.query }),
    interpretation: text.t(`lookup.noMatch.interpretedAs.${data.interpretedAs}`),
    howTo: text.t('lookup.noMatch.howTo'),
    examples: [
      text.t('lookup.noMatch.example.companyName'),
      text.t('lookup.noMatch.example.domain'),
      text.t('lookup.noMatch.example.tenantId'),
    ],
  });
}
