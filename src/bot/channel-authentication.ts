import { type Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';

const UNAUTHORIZED = 401;

/**
 * botbuilder's request authentication, with every refusal a 401. botbuilder itself lets the JWT library's
 * errors through (a bad signature, `nbf` in the future, an unsigned or altered token), which its adapter then
 * answers with 500 — as if the bot were broken, and inviting the channel to retry. Here any failure to
 * authenticate is an AuthenticationError, which the adapter answers with 401 before the turn starts.
 */
export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(
        `Unauthorized: ${error instanceof Error ? error.message : 'invalid token'}`,
        UNAUTHORIZED,
      );
    }
  }
}
