import type { Address, Customer } from '../api/models';
import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/customer.json';

export interface CustomerCardData {
  /** A customer from search (profile basics) or from get-by-id (with address, custom domains, delegated access). */
  customer: Customer;
}

interface CustomerView {
  companyName: string;
  customerId: string;
  fields: Field[];
  actions: { users: string; subscriptions: string; tickets: string; newTicket: string; refresh: string };
}

const template = defineTemplate<CustomerView>('customer', json);

const knownRelationships = ['none', 'reseller', 'advisor', 'syndication', 'microsoft_support'] as const;
type KnownRelationship = (typeof knownRelationships)[number];

function isKnownRelationship(value: string): value is KnownRelationship {
  return (knownRelationships as readonly string[]).includes(value);
}

/** Partner Center's enum is open: an unknown relationship is shown as sent. */
function relationshipLabel(relationship: string, text: Strings): string {
  return isKnownRelationship(relationship) ? text.t(`customer.relationship.${relationship}`) : relationship;
}

function addressLine(address: Address | undefined, text: Strings): string | undefined {
  if (!address) return undefined;
  const { addressLine1, addressLine2, city, state, postalCode, country } = address;
  const parts = [addressLine1, addressLine2, city, state, postalCode, country].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(text.t('list.separator')) : undefined;
}

function customerFields(customer: Customer, text: Strings): Field[] {
  const { companyProfile, relationshipToPartner, customDomains, allowDelegatedAccess } = customer;
  const fields = [field(text.t('customer.domain'), companyProfile.domain)];
  fields.push(idField(text.t('customer.tenantId'), companyProfile.tenantId));
  if (relationshipToPartner) {
    fields.push(field(text.t('customer.relationship'), relationshipLabel(relationshipToPartner, text)));
  }
  const address = addressLine(companyProfile.address, text);
  if (address) fields.push(field(text.t('customer.address'), address));
  if (customDomains && customDomains.length > 0) {
    fields.push(field(text.t('customer.customDomains'), customDomains.join(text.t('list.separator'))));
  }
  if (typeof allowDelegatedAccess === 'boolean') {
    const value = allowDelegatedAccess
      ? text.t('customer.delegatedAccess.yes')
      : text.t('customer.delegatedAccess.no');
    fields.push(field(text.t('customer.delegatedAccess'), value));
  }
  return fields;
}

export function customerCard(data: CustomerCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    companyName: data.customer.companyProfile.companyName,
    customerId: data.customer.id,
    fields: customerFields(data.customer, text),
    actions: {
      users: text.t('customer.action.users'),
      subscriptions: text.t('customer.action.subscriptions'),
      tickets: text.t('customer.action.tickets'),
      newTicket: text.t('ticket.action.new'),
      refresh: text.t('customer.action.refresh'),
    },
  });
}
