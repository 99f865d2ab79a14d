import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotCredentials } from '../config';
import { errorCodeOf } from '../errors';
import type { Logger } from '../log';
import { errorCard, originalError, sendCard } from './replies';
import { turnInfo } from './turn-info';

/**
 * The Bot Framework adapter. With an app id, every request's JWT is validated by botbuilder
 * (issuer, audience, signature, endorsements, serviceUrl); without one (dev mode, loopback only)
 * botbuilder accepts unauthenticated requests and sends replies without a token.
 */
export function createAdapter(credentials: BotCredentials, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId ?? '',
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/**
 * Last line of defence for errors no handler caught: log the details (structured, with the
 * correlation id), and tell the user a short apology with that id — never a stack trace.
 */
export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, thrown: Error): Promise<void> => {
    const info = turnInfo(context);
    const error = originalError(thrown);
    logger.error(
      {
        correlationId: info.correlationId,
        code: errorCodeOf(error),
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
        err: error,
      },
      'unhandled error in turn',
    );
    if (context.activity.type !== 'message') return;
    try {
      await sendCard(context, errorCard(error, info));
    } catch (sendError) {
      logger.error({ correlationId: info.correlationId, err: sendError }, 'could not send the error card');
    }
  };
}
