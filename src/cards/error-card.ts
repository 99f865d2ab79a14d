import type { ErrorCode } from '../errors';
import { errorText, type Strings } from '../i18n/strings';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/error.json';

/** Only the catalog code and the correlation id reach the card: error details stay in the logs. */
export interface ErrorCardData {
  code: ErrorCode;
  correlationId: string;
}

interface ErrorView {
  title: string;
  message: string;
  reference: string;
}

const template = defineTemplate<ErrorView>('error', json);

export function errorCard(data: ErrorCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    title: text.t('error.title'),
    message: errorText(data.code, text),
    reference: text.t('error.reference', { correlationId: data.correlationId }),
  });
}
