import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  CardFactory,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import { DialogContextError } from 'botbuilder-dialogs';
import { GdapRoleMissingError } from '../api/gdap-guard';
import { roleName } from '../api/gdap-roles';
import type { DenialReason } from '../auth/authorizer';
import {
  type AdaptiveCard,
  gdapRoleMissingCard,
  messageCard,
  noRoleCard,
  errorCard as renderErrorCard,
} from '../cards';
import { clip } from '../cards/clip';
import { errorCodeOf } from '../errors';
import { type Strings, strings } from '../i18n/strings';
import type { TurnInfo } from './turn-info';

/**
 * How the bot answers: cards as messages or as Universal Action invoke responses,
 * and the cards shared by every route (refusals, errors, unknown commands).
 */

/** A message activity carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardMessage(card));
}

/** Replaces the card the button was on (for the user who clicked). */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** Leaves the card as it is and shows a short message to the user who clicked. */
export function messageResponse(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: message as unknown as Record<string, unknown>,
  };
}

/** The caller's text, dates and numbers: their locale and time zone. */
export function textFor(info: TurnInfo): Strings {
  return strings(info.locale, info.timeZone);
}

export function denialCard(reason: DenialReason, info: TurnInfo): AdaptiveCard {
  const text = textFor(info);
  switch (reason) {
    case 'AUTHZ_NO_ROLE':
      return noRoleCard(
        {
          objectId: info.caller.aadObjectId ?? text.t('identity.unknown'),
          tenantId: info.caller.tenantId ?? text.t('identity.unknown'),
        },
        text,
      );
    case 'TENANT_NOT_ALLOWED':
      return messageCard({
        style: 'warning',
        title: text.t('denial.tenant.title'),
        text: text.t('denial.tenant.text'),
        details: [
          text.t('denial.tenant.id', { tenantId: info.caller.tenantId ?? text.t('identity.unknown') }),
        ],
      });
    case 'CHANNEL_NOT_ALLOWED':
      return messageCard({
        style: 'warning',
        title: text.t('denial.channel.title'),
        text: text.t('denial.channel.text'),
      });
    case 'AUTHZ_DENIED':
      return messageCard({
        style: 'warning',
        title: text.t('denial.role.title'),
        text: text.t('denial.role.text'),
      });
    case 'GROUPS_UNAVAILABLE':
      return messageCard({
        style: 'warning',
        title: text.t('denial.groups.title'),
        text: text.t('denial.groups.text'),
      });
  }
}

/** botbuilder-dialogs wraps what a dialog throws; the original error carries the catalog code. */
export function originalError(error: unknown): unknown {
  return error instanceof DialogContextError ? error.error : error;
}

/** The apology card: the catalog's plain words for the error's code, and the correlation id. Never details. */
export function errorCard(error: unknown, info: TurnInfo): AdaptiveCard {
  const original = originalError(error);
  if (original instanceof GdapRoleMissingError) {
    // Not a generic apology: which role, on which customer, and how to get it.
    return gdapRoleMissingCard(
      {
        customerId: original.customerId,
        customerName: original.customerName,
        operation: original.requirement.operation,
        requiredRoles: original.requirement.anyOf.map((role) => role.name),
        grantedRoles: original.grantedRoleIds?.map(roleName),
        correlationId: info.correlationId,
      },
      textFor(info),
    );
  }
  return renderErrorCard(
    { code: errorCodeOf(originalError(error)), correlationId: info.correlationId },
    textFor(info),
  );
}

export function unknownCommandCard(
  typed: string,
  suggestion: string | undefined,
  info: TurnInfo,
): AdaptiveCard {
  const text = textFor(info);
  return messageCard({
    style: 'info',
    title:
      typed === ''
        ? text.t('unknownCommand.empty')
        : text.t('unknownCommand.title', { text: clip(typed, 60) }),
    text: suggestion ? text.t('unknownCommand.suggestion', { command: suggestion }) : undefined,
    details: [text.t('unknownCommand.help')],
  });
}
