export { type AuditCardData, type AuditFilters, auditCard, maxAuditRows } from './audit-card';
export { type CustomerCardData, customerCard } from './customer-card';
export { type CustomerListCardData, customerListCard, maxCustomerListRows } from './customer-list-card';
export { type ErrorCardData, errorCard } from './error-card';
export { type HelpCardData, type HelpCommand, type HelpGroup, helpCard, helpGroups } from './help-card';
export {
  type LookupInterpretation,
  type LookupNoMatchCardData,
  lookupNoMatchCard,
} from './lookup-no-match-card';
export { type MessageCardData, type MessageStyle, messageCard } from './message-card';
export { type NoRoleCardData, noRoleCard } from './no-role-card';
export { type AdaptiveCard, maxCardBytes } from './render-card';
export {
  type AuditMoreData,
  type CardVerb,
  type CustomerActionData,
  cardVerbs,
  type LookupMoreData,
} from './verbs';
export { type WhoamiCardData, whoamiCard } from './whoami-card';
