import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/whoami.json';

export interface WhoamiCardData {
  displayName: string;
  /** Entra object id (`from.aadObjectId`). */
  objectId: string;
  tenantId: string;
  roles: readonly string[];
}

interface WhoamiView {
  title: string;
  fields: Field[];
}

const template = defineTemplate<WhoamiView>('whoami', json);

export function whoamiCard(data: WhoamiCardData, text: Strings): AdaptiveCard {
  const roles = data.roles.length > 0 ? data.roles.join(text.t('list.separator')) : text.t('whoami.noRole');
  return renderCard(template, {
    title: text.t('whoami.title'),
    fields: [
      field(text.t('whoami.displayName'), data.displayName),
      idField(text.t('whoami.objectId'), data.objectId),
      idField(text.t('whoami.tenantId'), data.tenantId),
      field(text.t('whoami.roles'), roles),
    ],
  });
}
