import type { GdapOperation } from '../api/gdap-roles';
import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/gdap-role-missing.json';

/**
 * The answer when the partner's GDAP relationships with a customer lack the role an operation needs: which
 * roles on which customer (name and tenant id), what is granted today, and how to get the role.
 */
export interface GdapRoleMissingCardData {
  customerId: string;
  customerName?: string;
  operation: GdapOperation;
  /** Role names, any one of which is enough. */
  requiredRoles: readonly string[];
  /** Role names the customer's active relationships grant; undefined when unknown. */
  grantedRoles?: readonly string[];
  correlationId: string;
}

interface GdapRoleMissingView {
  title: string;
  text: string;
  fields: Field[];
  howToTitle: string;
  steps: string[];
  reference: string;
}

const template = defineTemplate<GdapRoleMissingView>('gdap-role-missing', json);

function grantedText(granted: readonly string[] | undefined, text: Strings): string {
  if (granted === undefined) return text.t('gdap.granted.unknown');
  return granted.length === 0 ? text.t('gdap.granted.none') : granted.join(text.t('list.separator'));
}

export function gdapRoleMissingCard(data: GdapRoleMissingCardData, text: Strings): AdaptiveCard {
  const customer = data.customerName ?? data.customerId;
  const roles = data.requiredRoles.join(text.t('list.separator'));
  return renderCard(template, {
    title: text.t('gdap.title', { customer }),
    text: text.t('gdap.text', { operation: text.t(`gdap.operation.${data.operation}`), roles }),
    fields: [
      ...(data.customerName ? [field(text.t('gdap.customer'), data.customerName)] : []),
      idField(text.t('gdap.tenantId'), data.customerId),
      field(text.t('gdap.needs'), roles),
      field(text.t('gdap.granted'), grantedText(data.grantedRoles, text)),
    ],
    howToTitle: text.t('gdap.howTo.title'),
    steps: [
      text.t('gdap.howTo.request', { customer }),
      text.t('gdap.howTo.approve'),
      text.t('gdap.howTo.assign'),
    ],
    reference: text.t('error.reference', { correlationId: data.correlationId }),
  });
}
