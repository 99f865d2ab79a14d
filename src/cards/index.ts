export { type ApprovalCardData, approvalCard, maxRefreshUserIds, type Viewer } from './approval-card';
export {
  type ApprovalListCardData,
  type ApprovalListRow,
  approvalListCard,
  maxApprovalListRows,
} from './approval-list-card';
export { kindTitle, requestSummary } from './approval-text';
export { type AuditCardData, type AuditFilters, auditCard, maxAuditRows } from './audit-card';
export { type CustomerCardData, customerCard } from './customer-card';
export { type CustomerListCardData, customerListCard, maxCustomerListRows } from './customer-list-card';
export {
  type DeletedUserRow,
  type DeletedUsersCardData,
  deletedUsersCard,
  maxDeletedUserRows,
} from './deleted-users-card';
export { type ErrorCardData, errorCard } from './error-card';
export { type GdapRoleMissingCardData, gdapRoleMissingCard } from './gdap-role-missing-card';
export { type HelpCardData, type HelpCommand, type HelpGroup, helpCard, helpGroups } from './help-card';
export {
  type IdentityDoctorCardData,
  identityDoctorCard,
  serviceAccountSetting,
} from './identity-doctor-card';
export {
  type LookupInterpretation,
  type LookupNoMatchCardData,
  lookupNoMatchCard,
} from './lookup-no-match-card';
export { type MessageCardData, type MessageStyle, messageCard } from './message-card';
export { type NoRoleCardData, noRoleCard } from './no-role-card';
export {
  type ProvisioningCardData,
  provisioningCard,
} from './provisioning-card';
export {
  durationText,
  type ProvisioningWatchCardData,
  type ProvisioningWatchEvent,
  provisioningWatchCard,
} from './provisioning-watch-card';
export { type AdaptiveCard, maxCardBytes } from './render-card';
export { type ResetConfirmationCardData, resetConfirmationCard } from './reset-confirmation-card';
export { type ResetResultCardData, resetResultCard } from './reset-result-card';
export { type ResetWithheldCardData, resetWithheldCard } from './reset-withheld-card';
export { type RestoreConfirmationCardData, restoreConfirmationCard } from './restore-confirmation-card';
export { type RestoreResultCardData, restoreResultCard } from './restore-result-card';
export {
  maxSubscriptionRows,
  type SubscriptionListCardData,
  type SubscriptionRowActions,
  subscriptionListCard,
} from './subscription-list-card';
export { type SupportTopicsCardData, supportTopicsCard } from './support-topics-card';
export { type SuspensionFormCardData, suspensionFormCard } from './suspension-form-card';
export { type TicketCreatedCardData, ticketCreatedCard } from './ticket-created-card';
export {
  maxNoteLength,
  maxNotesShown,
  type TicketDetailsCardData,
  type TicketOrigin,
  ticketDetailsCard,
} from './ticket-details-card';
export {
  problemText,
  type TicketFormCardData,
  ticketFormCard,
  ticketFormCardThatFits,
} from './ticket-form-card';
export { maxTicketRows, type TicketListCardData, ticketListCard } from './ticket-list-card';
export { type TicketPortalCardData, ticketPortalCards } from './ticket-portal-card';
export {
  maxPickRows,
  type PickPurpose,
  type UserCustomerPickCardData,
  userCustomerPickCard,
} from './user-customer-pick-card';
export { type UserDetailsCardData, userDetailsCard } from './user-details-card';
export { maxUserListRows, type UserListCardData, userListCard } from './user-list-card';
export {
  type ApprovalActionData,
  type AuditMoreData,
  type CardVerb,
  type CustomerActionData,
  cardVerbs,
  type LookupMoreData,
  type ServiceRequestActionData,
  type SubscriptionActionData,
  type SuspensionFormData,
  type TicketFormData,
  type UserActionData,
  type UserListActionData,
  type UserOperationData,
} from './verbs';
export { type WelcomeCardData, type WelcomeScope, welcomeCard } from './welcome-card';
export { type WhoamiCardData, whoamiCard } from './whoami-card';
