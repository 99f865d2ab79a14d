import type { Customer, CustomerUser, ServiceRequest, Subscription } from '../../src/api/models';
import {
  type AdaptiveCard,
  approvalCard,
  approvalListCard,
  auditCard,
  customerCard,
  customerListCard,
  deletedUsersCard,
  errorCard,
  gdapRoleMissingCard,
  helpCard,
  identityDoctorCard,
  lookupNoMatchCard,
  messageCard,
  noRoleCard,
  provisioningCard,
  provisioningWatchCard,
  resetConfirmationCard,
  resetResultCard,
  resetWithheldCard,
  restoreConfirmationCard,
  restoreResultCard,
  subscriptionListCard,
  supportTopicsCard,
  suspensionFormCard,
  ticketCreatedCard,
  ticketDetailsCard,
  ticketFormCard,
  ticketListCard,
  ticketPortalCards,
  userCustomerPickCard,
  userDetailsCard,
  userListCard,
  welcomeCard,
  whoamiCard,
} from '../../src/cards';
import { type Strings, strings } from '../../src/i18n/strings';
import type { ApprovalRequest } from '../../src/store/approvals';
import type { AuditRecord } from '../../src/store/store';
import type { TargetNames } from '../../src/users/user-operations';

/**
 * Every card, rendered with the same value in every field that comes from outside the bot's resources
 * (names, domains, ids, queries, audit values). Tests feed it realistic values and hostile ones.
 */
export type CardName =
  | 'help'
  | 'welcome'
  | 'whoami'
  | 'noRole'
  | 'lookupNoMatch'
  | 'customer'
  | 'customerList'
  | 'message'
  | 'error'
  | 'gdapRoleMissing'
  | 'identityDoctor'
  | 'audit'
  | 'userList'
  | 'userDetails'
  | 'resetConfirmation'
  | 'resetResult'
  | 'resetWithheld'
  | 'deletedUsers'
  | 'restoreConfirmation'
  | 'restoreResult'
  | 'userCustomerPick'
  | 'approval'
  | 'approvalList'
  | 'suspensionForm'
  | 'supportTopics'
  | 'ticketForm'
  | 'ticketCreated'
  | 'ticketList'
  | 'ticketDetails'
  | 'ticketPortal'
  | 'subscriptionList'
  | 'provisioning'
  | 'provisioningWatch';

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

export function sampleApprovalRequest(value: string, id = value): ApprovalRequest {
  return {
    id,
    kind: 'subscription.suspend',
    status: 'pending',
    requester: { id, name: value, teamsUserId: value },
    requesterConversation: { conversation: { id: value } },
    locale: 'en-US',
    customerId: id,
    subscriptionId: id,
    etag: value,
    reason: value,
    facts: { companyName: value, offerName: value, friendlyName: `${value} (nickname)`, quantity: 25 },
    createdAt: new Date('2026-03-02T09:00:00.000Z'),
    expiresAt: new Date('2026-03-03T09:00:00.000Z'),
    cards: [],
  };
}

export function sampleUser(value: string, id = value): CustomerUser {
  return {
    id,
    userPrincipalName: value,
    displayName: value,
    firstName: value,
    lastName: value,
    usageLocation: value,
    state: 'active',
    softDeletionTime: '2026-03-01T10:00:00Z',
  };
}

export function sampleTarget(value: string, id = value): TargetNames {
  return { customerId: id, companyName: value, userId: id, displayName: value, userPrincipalName: value };
}

export function sampleServiceRequest(value: string, id = value): ServiceRequest {
  return {
    id,
    title: value,
    description: value,
    severity: value,
    supportTopicId: value,
    supportTopicName: value,
    status: value,
    productName: value,
    createdDate: '2024-02-12T09:15:00Z',
    lastModifiedDate: '2024-02-13T16:40:00',
    lastClosedDate: '0001-01-01T00:00:00',
    notes: [{ createdByName: value, createdDate: '2024-02-13T16:40:00Z', text: value }],
  };
}

export function sampleSubscription(value: string, id = value): Subscription {
  return {
    id,
    offerId: value,
    offerName: value,
    friendlyName: value,
    quantity: 25,
    unitType: value,
    commitmentEndDate: '2026-12-31T00:00:00Z',
    status: value,
  };
}

/** Every value the agent types into the new-ticket form. */
export function sampleTicketValues(value: string) {
  return {
    topicId: value,
    title: value,
    description: value,
    severity: value,
    contactName: value,
    contactEmail: value,
    contactPhone: value,
  };
}

export function everyCard(value: string, text: Strings = strings('en-US')): Record<CardName, AdaptiveCard> {
  return {
    help: helpCard({ commands: [{ command: value, description: value, group: 'customers' }] }, text),
    welcome: welcomeCard(
      {
        name: value,
        commands: [{ command: value, description: value, group: 'customers' }],
        scope: 'personal',
      },
      text,
    ),
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
    gdapRoleMissing: gdapRoleMissingCard(
      {
        customerId: value,
        customerName: value,
        operation: 'resetPassword',
        requiredRoles: [value],
        grantedRoles: [value],
        correlationId: value,
      },
      text,
    ),
    identityDoctor: identityDoctorCard(
      {
        report: {
          mode: 'agent',
          appOnly: { state: 'ok', mfa: true, expiresAt: '2026-11-23T21:00:00.000Z' },
          serviceAccount: { state: 'failing', code: 'PC_UNAUTHENTICATED' },
          agentsWithToken: 1234,
          you: { signedIn: true, mfa: true, userPrincipalName: value, expiresAt: '2026-11-23T21:00:00.000Z' },
        },
        oauthConnectionName: value,
        gdapPreflight: true,
        backgroundAppUser: false,
      },
      text,
    ),
    audit: auditCard(
      {
        records: [sampleAuditRecord(value)],
        filters: { customerId: value, actorId: value, action: value },
        nextCursor: value,
      },
      text,
    ),
    approval: approvalCard(
      {
        request: sampleApprovalRequest(value),
        viewer: 'approver',
        notice: value,
        refreshUserIds: ['29:sample-user'],
      },
      text,
    ),
    approvalList: approvalListCard(
      { scope: 'all', rows: [{ request: sampleApprovalRequest(value), viewer: 'approver' }], total: 1 },
      text,
    ),
    suspensionForm: suspensionFormCard(
      {
        customer: { id: value, companyName: value },
        subscription: { id: value, offerName: value, friendlyName: value, status: 'active', quantity: 3 },
        reason: value,
        problem: value,
      },
      text,
    ),
    userList: userListCard(
      {
        customer: sampleCustomer(value),
        page: { items: [sampleUser(value)], page: 1, pageCount: 3, total: 21 },
        search: value,
        truncatedAt: 2500,
      },
      text,
    ),
    userDetails: userDetailsCard(
      {
        customer: sampleCustomer(value),
        user: sampleUser(value),
        roles: [{ id: value, name: value }],
        privileged: true,
      },
      text,
    ),
    resetConfirmation: resetConfirmationCard({ target: sampleTarget(value), operationId: value }, text),
    resetResult: resetResultCard(
      {
        target: sampleTarget(value),
        agent: value,
        at: new Date('2026-03-02T10:00:00Z'),
        forceChange: true,
        password: value,
      },
      text,
    ),
    resetWithheld: resetWithheldCard(
      { target: sampleTarget(value), agent: value, token: value, minutes: 2 },
      text,
    ),
    deletedUsers: deletedUsersCard(
      {
        customer: sampleCustomer(value),
        refreshUserIds: ['29:agent'],
        page: {
          items: [
            {
              user: sampleUser(value),
              window: { restorable: true, daysLeft: 12, deletedAt: new Date('2026-03-01T10:00:00Z') },
            },
            { user: sampleUser(value), window: { restorable: false, daysLeft: 0 } },
          ],
          page: 1,
          pageCount: 3,
          total: 22,
        },
        restored: {
          displayName: value,
          userPrincipalName: value,
          agent: value,
          at: new Date('2026-03-02T10:00:00Z'),
        },
      },
      text,
    ),
    restoreConfirmation: restoreConfirmationCard(
      {
        target: sampleTarget(value),
        window: { restorable: true, daysLeft: 12, deletedAt: new Date('2026-03-01T10:00:00Z') },
        operationId: value,
        backToList: true,
      },
      text,
    ),
    restoreResult: restoreResultCard(
      { target: sampleTarget(value), agent: value, at: new Date('2026-03-02T10:00:00Z') },
      text,
    ),
    supportTopics: supportTopicsCard({ topics: [{ id: value, name: value, description: value }] }, text),
    ticketForm: ticketFormCard(
      {
        companyName: value,
        customerId: value,
        draftId: value,
        topics: [{ id: value, name: value }],
        values: sampleTicketValues(value),
        problems: [{ field: 'contactEmail', problem: 'invalidEmail' }],
        banner: { style: 'attention', text: value },
      },
      text,
    ),
    ticketCreated: ticketCreatedCard(
      { request: sampleServiceRequest(value), companyName: value, customerId: value, draftId: value },
      text,
    ),
    ticketList: ticketListCard(
      { customerId: value, companyName: value, requests: [sampleServiceRequest(value)], canCreate: true },
      text,
    ),
    ticketDetails: ticketDetailsCard(
      {
        request: sampleServiceRequest(value),
        origin: { customerId: value, draftId: value },
        noteSubmissionId: value,
        note: { value, error: value },
        banner: { style: 'good', text: value },
      },
      text,
    ),
    ticketPortal: ticketPortalCards(
      {
        companyName: value,
        portalUrl: `https://partner.example/customers/${encodeURIComponent(value)}/servicerequests`,
        typed: { values: sampleTicketValues(value), topicName: value, severityName: value },
      },
      text,
    )[0] as AdaptiveCard,
    subscriptionList: subscriptionListCard(
      {
        customerId: value,
        companyName: value,
        rows: [
          {
            subscription: sampleSubscription(value),
            provisioning: { kind: 'status', status: { status: 'pending', skuId: value, quantity: 25 } },
          },
        ],
        watched: new Set(),
        canWatch: true,
      },
      text,
    ),
    provisioning: provisioningCard(
      {
        customerId: value,
        companyName: value,
        subscription: sampleSubscription(value),
        provisioning: { kind: 'status', status: { status: 'pending', skuId: value, quantity: 25 } },
        watching: false,
        canWatch: true,
      },
      text,
    ),
    provisioningWatch: provisioningWatchCard(
      {
        event: { kind: 'ready', status: 'success' },
        customerId: value,
        companyName: value,
        subscriptionId: value,
        subscriptionName: value,
      },
      text,
    ),
    userCustomerPick: userCustomerPickCard(
      {
        purpose: 'restore',
        title: value,
        text: value,
        rows: [{ customer: sampleCustomer(value), user: sampleUser(value) }],
      },
      text,
    ),
  };
}
