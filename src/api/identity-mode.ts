/**
 * Whose identity the bot uses in Partner Center (IDENTITY_MODE):
 * - `agent`: each agent's own, through Teams single sign-on and the on-behalf-of flow (production default);
 * - `service-account`: the Secure Application Model's MFA-enabled service account (refresh token);
 * - `app-only`: the app alone, which Partner Center allows for reads of customers, subscriptions, orders
 *   and the activity log only; App+User operations are refused.
 */
export const identityModes = ['agent', 'service-account', 'app-only'] as const;
export type PartnerIdentityMode = (typeof identityModes)[number];
