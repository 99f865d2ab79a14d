import {
  CallerIdConstants,
  type CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../config';
import { errorCodeOf } from '../errors';
import type { Logger } from '../log';
import { ChannelAuthentication } from './channel-authentication';
import { PacedCloudAdapter } from './paced-adapter';
import { errorCard, originalError, sendCard } from './replies';
import { SendPacer, teamsPacing } from './send-pacer';
import { turnInfo } from './turn-info';

/**
 * botbuilder authentication settings beyond the app's credentials: another cloud's endpoints, or (tests)
 * an OpenID metadata endpoint serving the test's own signing keys.
 */
export type BotAuthenticationSettings = Omit<
  ConfigurationBotFrameworkAuthenticationOptions,
  'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'
>;

/**
 * The public cloud's Bot Framework endpoints with another token service (BOT_OAUTH_URL, or a test's):
 * botbuilder treats any endpoint setting as a full configuration, so the others are spelled out (the
 * values of botframework-connector's AuthenticationConstants).
 */
export function withTokenService(
  oauthUrl: string,
  settings: BotAuthenticationSettings = {},
): BotAuthenticationSettings {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ...settings,
    OAuthUrl: oauthUrl,
  };
}

/**
 * The Bot Framework adapter. With an app id, every request's JWT is validated by botbuilder
 * (issuer, audience, signature, endorsements, serviceUrl); without one (dev mode, loopback only)
 * botbuilder accepts unauthenticated requests and sends replies without a token. Sends are paced per
 * conversation within Teams' limits (send-pacer.ts).
 */
export function createAdapter(
  credentials: BotCredentials,
  logger: Logger,
  settings: BotAuthenticationSettings = {},
): CloudAdapter {
  const authentication = new ChannelAuthentication({
    ...settings,
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId ?? '',
  });
  const adapter = new PacedCloudAdapter(authentication, new SendPacer(teamsPacing, { logger }));
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
