/**
 * The `Action.Execute` verbs the cards emit, and the data each one carries. Card data is untrusted: it holds
 * only opaque ids of server-side state, and the handler of each verb checks it (and the caller's role) again.
 */
export const cardVerbs = {
  customerUsers: 'customer.users',
  customerSubscriptions: 'customer.subscriptions',
  customerTickets: 'customer.tickets',
  customerRefresh: 'customer.refresh',
  customerSelect: 'customer.select',
  lookupMore: 'lookup.more',
  auditMore: 'audit.more',
  customerNewTicket: 'customer.newTicket',
  ticketCreate: 'ticket.create',
  ticketOpen: 'ticket.open',
  ticketRefresh: 'ticket.refresh',
  ticketAddNote: 'ticket.addNote',
  ticketClose: 'ticket.close',
  subscriptionProvisioning: 'subscription.provisioning',
  provisioningRefresh: 'provisioning.refresh',
  provisioningWatch: 'provisioning.watch',
  customerDeletedUsers: 'customer.deletedUsers',
  usersPage: 'users.page',
  userDetails: 'user.details',
  userResetPassword: 'user.resetPassword',
  userConfirmReset: 'user.confirmReset',
  userRevealPassword: 'user.revealPassword',
  usersDeleted: 'users.deleted',
  userRestore: 'user.restore',
  userConfirmRestore: 'user.confirmRestore',
  approvalApprove: 'approval.approve',
  approvalReject: 'approval.reject',
  approvalCancel: 'approval.cancel',
  approvalRefresh: 'approval.refresh',
  subscriptionSuspend: 'subscription.suspend',
  suspensionSubmit: 'suspension.submit',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];

/** Data of `customer.users`, `customer.subscriptions`, `customer.tickets`, `customer.refresh`, `customer.select`. */
export interface CustomerActionData {
  customerId: string;
}

/** Data of `lookup.more`: the id of the search kept on the server. */
export interface LookupMoreData {
  searchId: string;
}

/** Data of `audit.more`: the opaque cursor of the next (older) page. */
export interface AuditMoreData {
  cursor: string;
}

/** Data of `approval.approve`, `approval.reject`, `approval.cancel`, `approval.refresh`: the request id (and the comment box). */
export interface ApprovalActionData {
  requestId: string;
  comment?: string;
}

/** Data of `subscription.suspend` (a subscription row's button) and `suspension.submit` (the form, with its reason). */
export interface SuspensionFormData {
  customerId: string;
  subscriptionId: string;
  reason?: string;
}

/** Data of `users.page` (the users list's pages and search box, whose text arrives as `search`) and `users.deleted`. */
export interface UserListActionData {
  customerId: string;
  page: string;
  search?: string;
}

/** Data of `user.details`, `user.resetPassword` and `user.restore`: the customer and the user, nothing else. */
export interface UserActionData {
  customerId: string;
  userId: string;
}

/** Data of `user.confirmReset` (with the "require change" toggle) and `user.confirmRestore`: the one-time operation. */
export interface UserOperationData {
  operationId: string;
  forceChange?: string;
}

/** Data of `customer.newTicket`: the customer. Of `ticket.create`: the form's submission id, the customer and the inputs. */
export interface TicketFormData {
  draftId: string;
  customerId: string;
  topicId?: string;
  title?: string;
  description?: string;
  severity?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
}

/**
 * Data of `ticket.open`, `ticket.refresh`, `ticket.close` and `ticket.addNote` (which also carries its
 * submission id); the note box comes along with every button of the ticket card. Cards reached from a customer
 * also carry its id, and those of a request this bot created the new-ticket form's submission id: a caller whose
 * role covers only some customers needs them (`''` on the card when there is none).
 */
export interface ServiceRequestActionData {
  serviceRequestId: string;
  customerId?: string;
  draftId?: string;
  submissionId?: string;
  note?: string;
}

/**
 * Data of every subscription button (`subscription.provisioning`, `provisioning.refresh`, `provisioning.watch`,
 * and any button added to a subscription row later): the customer and the subscription, nothing else.
 */
export interface SubscriptionActionData {
  customerId: string;
  subscriptionId: string;
}
