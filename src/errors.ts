/**
 * The error catalog: every failure the bot can explain to a user has a stable code here, with its English text
 * for logs. Log lines carry the code and details; chat shows only the code's message in the person's language
 * (`errorCode.<CODE>` in src/i18n/<language>/errors.json, through `errorText`).
 */
export const errorCatalog = {
  PC_THROTTLED: 'Partner Center is busy right now (throttled). Please try again in a minute.',
  PC_NOT_FOUND: 'Partner Center could not find that item.',
  PC_UNAUTHENTICATED:
    "The bot could not sign in to Partner Center. An administrator should check the bot's credentials.",
  PC_FORBIDDEN: 'Partner Center refused access to that item for this partner account.',
  PC_STALE_ETAG: 'The item changed in Partner Center since it was read. Please start again.',
  PC_INVALID_STATE: 'Partner Center does not allow that change in the current state of the item.',
  PC_BAD_REQUEST: 'Partner Center rejected the request as invalid.',
  PC_CONFLICT: 'Partner Center reported a conflict with an existing item.',
  PC_UNAVAILABLE: 'Partner Center is not answering at the moment. Please try again shortly.',
  PC_TIMEOUT: 'Partner Center took too long to answer. Please try again shortly.',
  PC_NOT_AVAILABLE: 'Partner Center does not offer this operation through its API any more.',
  AUTHZ_DENIED: 'You do not have a role that allows this action.',
  AUTHZ_NO_ROLE: 'You have not been given a role in this bot yet.',
  TENANT_NOT_ALLOWED: 'This bot does not serve your organization.',
  CHANNEL_NOT_ALLOWED: 'This bot only works in Microsoft Teams.',
  GROUPS_UNAVAILABLE:
    'Your Entra ID groups could not be checked just now, so your role is unknown. Please try again in a minute.',
  AUTH_SIGN_IN_REQUIRED: 'Please sign in first: the bot works in Partner Center as you.',
  AUTH_MFA_REQUIRED:
    'Partner Center requires multifactor authentication for this, and your sign-in did not use it. Sign out, sign in again with MFA, then retry.',
  AUTH_READ_ONLY: 'This bot is set up to read Partner Center only (app-only identity), so it cannot do this.',
  GDAP_ROLE_MISSING: 'The partner does not hold the GDAP role this needs on that customer.',
  CUSTOMER_NOT_ALLOWED: 'Your role in this bot does not cover this customer.',
  INPUT_INVALID: 'That input is not valid.',
  CARD_ACTION_INVALID: 'That button is out of date or not valid any more.',
  STORE_UNAVAILABLE: 'The bot cannot reach its database right now. Please try again shortly.',
  INTERNAL: 'Something went wrong on our side.',
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** An error with a catalog code. `details` go to logs only, never to chat. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message?: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message ?? errorCatalog[code], options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The catalog code of any thrown value: unknown errors are INTERNAL. */
export function errorCodeOf(error: unknown): ErrorCode {
  return isAppError(error) ? error.code : 'INTERNAL';
}
