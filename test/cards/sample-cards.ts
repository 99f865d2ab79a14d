import type { Customer } from '../../src/api/models';
import {
  type AdaptiveCard,
  auditCard,
  customerCard,
  customerListCard,
  errorCard,
  helpCard,
  lookupNoMatchCard,
  messageCard,
  noRoleCard,
  whoamiCard,
} from '../../src/cards';
import { type Strings, strings } from '../../src/i18n/strings';
import type { AuditRecord } from '../../src/store/store';

/**
 * Every card, rendered with the same value in every field that comes from outside the bot's resources
 * (names, domains, ids, queries, audit values). Tests feed it realistic values and hostile ones.
 */
export type CardName =
  | 'help'
  | 'whoami'
  | 'noRole'
  | 'lookupNoMatch'
  | 'customer'
  | 'customerList'
  | 'message'
  | 'error'
  | 'audit';

export function sampleCustomer(value: string, id = value): Customer {
  return {
    id,
    companyProfile: {
      tenantId: id,
      domain: value,
      companyName: value,
      address: { addressLine1: value, city: value, country: value },
    },
    relationshipToPartner: value,
    customDomains: [value, value],
    allowDelegatedAccess: true,
  };
}

export function sampleAuditRecord(value: string, id = value): AuditRecord {
  return {
    id,
    at: new Date('2024-05-01T10:20:30.456Z'),
    actorId: id,
    actorName: value,
    roles: ['admin'],
    action: value,
    outcome: 'succeeded',
    customerId: id,
    correlationId: id,
    details: { note: value },
  };
}

export function everyCard(value: string, text: Strings = strings('en-US')): Record<CardName, AdaptiveCard> {
  return {
    help: helpCard({ commands: [{ command: value, description: value, group: 'customers' }] }, text),
    whoami: whoamiCard({ displayName: value, objectId: value, tenantId: value, roles: [value] }, text),
    noRole: noRoleCard({ objectId: value, tenantId: value }, text),
    lookupNoMatch: lookupNoMatchCard({ query: value, interpretedAs: 'companyName' }, text),
    customer: customerCard({ customer: sampleCustomer(value) }, text),
    customerList: customerListCard(
      { query: value, customers: [sampleCustomer(value)], searchId: value },
      text,
    ),
    message: messageCard({ style: 'error', title: value, text: value, details: [value] }),
    error: errorCard({ code: 'PC_THROTTLED', correlationId: value }, text),
    audit: auditCard(
      {
        records: [sampleAuditRecord(value)],
        filters: { customerId: value, actorId: value, action: value },
        nextCursor: value,
      },
      text,
    ),
  };
}
