import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { Authorizer, DenialReason } from '../auth/authorizer';
import type { Permission } from '../auth/roles';
import { AppError, errorCodeOf, isAppError } from '../errors';
import { errorText } from '../i18n/strings';
import type { Logger } from '../log';
import type { AuditLog } from '../store/store';
import { normalizeCommandText, parseCommand, suggestCommand } from './command-text';
import type { InvokeDeadline } from './invoke-deadline';
import {
  cardResponse,
  denialCard,
  errorCard,
  messageResponse,
  originalError,
  sendCard,
  textFor,
  unknownCommandCard,
} from './replies';
import type { ActionOutcome, CardActionRoute, CommandRoute, DialogOpener, HandlerTurn } from './routes';
import type { SignInFlow } from './sign-in';
import { type TurnInfo, turnInfo } from './turn-info';

/**
 * The one place where a message or a card action becomes a handler call:
 * parse → authorize (and audit the decision) → run → audit the outcome; failures become a polite
 * answer with the correlation id, and a structured log line.
 */
export class Router {
  private readonly commandsByName: Map<string, CommandRoute>;
  private readonly actionsByVerb: Map<string, CardActionRoute>;

  constructor(
    commands: readonly CommandRoute[],
    actions: readonly CardActionRoute[],
    private readonly authorizer: Authorizer,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    /** When set, a card action still running at its deadline is answered at once and finished later. */
    private readonly invokeDeadline?: InvokeDeadline,
    /** Identity mode `agent`: operations needing the agent's own token ask them to sign in first. */
    private readonly signIn?: SignInFlow,
  ) {
    this.commandsByName = new Map(commands.map((route) => [route.name, route]));
    this.actionsByVerb = new Map(actions.map((route) => [route.verb, route]));
  }

  get commands(): CommandRoute[] {
    return [...this.commandsByName.values()];
  }

  async handleMessage(context: TurnContext, dialogs: DialogOpener): Promise<void> {
    await this.handleCommandText(context, dialogs, normalizeCommandText(context.activity.text));
  }

  /** Runs a command kept while its agent signed in, as if they had just typed it (in the sign-in turn). */
  async resumeCommand(context: TurnContext, dialogs: DialogOpener, text: string): Promise<void> {
    await this.handleCommandText(context, dialogs, text);
  }

  private async handleCommandText(context: TurnContext, dialogs: DialogOpener, text: string): Promise<void> {
    const info = turnInfo(context);
    const names = [...this.commandsByName.keys()];
    const parsed = parseCommand(text, names);
    const route = parsed ? this.commandsByName.get(parsed.name) : undefined;

    if (!parsed || !route) {
      const decision = await this.authorizer.check(info.caller, 'help', {
        action: 'unknown-command',
        correlationId: info.correlationId,
      });
      if (!decision.allowed) return sendCard(context, denialCard(decision.reason, info));
      await sendCard(context, unknownCommandCard(text, suggestCommand(text, names), info));
      return;
    }

    const access = await this.authorize(context, dialogs, info, route.permission, route.name);
    if ('denied' in access) return sendCard(context, denialCard(access.denied, info));
    const turn = access.turn;
    try {
      if (this.signIn?.needsAgentToken(route.permission) && !(await this.signIn.hasAgentToken(info))) {
        await this.recordFailure(info, route.name, signInRequired());
        await this.signIn.promptForCommand(context, info, text);
        return;
      }
      const outcome = await route.run(turn, parsed.argument);
      await this.recordOutcome(info, turn, route.name, outcome);
    } catch (error) {
      await this.recordFailure(info, route.name, error);
      if (this.signIn && errorCodeOf(originalError(error)) === 'AUTH_SIGN_IN_REQUIRED') {
        await this.signIn.promptForCommand(context, info, text);
        return;
      }
      await sendCard(context, errorCard(error, info));
    }
  }

  async handleCardAction(
    context: TurnContext,
    dialogs: DialogOpener,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const early = await this.signInFirst(context, invoke);
    if (early) return early;
    const answer = this.runCardAction(context, dialogs, invoke);
    return this.invokeDeadline ? this.invokeDeadline.answer(context, turnInfo(context), answer) : answer;
  }

  private async runCardAction(
    context: TurnContext,
    dialogs: DialogOpener,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const info = turnInfo(context);
    const verb = invoke.action?.verb ?? '';
    const route = this.actionsByVerb.get(verb);
    if (!route) {
      this.logger.warn({ correlationId: info.correlationId, verb }, 'unknown card verb');
      const decision = await this.authorizer.check(info.caller, 'help', {
        action: `card:unknown`,
        correlationId: info.correlationId,
      });
      if (!decision.allowed) return cardResponse(denialCard(decision.reason, info));
      return staleButtonResponse(info);
    }

    const access = await this.authorize(context, dialogs, info, route.permission, route.verb);
    if ('denied' in access) return cardResponse(denialCard(access.denied, info));
    const turn = access.turn;

    const data = route.data.safeParse(invoke.action.data ?? {});
    if (!data.success) {
      this.logger.warn(
        { correlationId: info.correlationId, verb, issues: data.error.issues.length },
        'card action data rejected',
      );
      await this.recordFailure(info, route.verb, cardActionInvalid(verb));
      return staleButtonResponse(info);
    }
    try {
      const result = await route.run(turn, data.data);
      await this.recordOutcome(info, turn, route.verb, result.outcome);
      return result.response;
    } catch (error) {
      await this.recordFailure(info, route.verb, error);
      if (this.signIn && errorCodeOf(originalError(error)) === 'AUTH_SIGN_IN_REQUIRED') {
        return this.signIn.loginRequest(context, info);
      }
      return cardResponse(errorCard(error, info));
    }
  }

  /**
   * Agent mode, before the deadline race (the answer must reach Teams as is): a button sent again after a
   * sign-in brings a token to exchange; a button needing the agent's token when they have none gets the
   * Universal Actions login request. Authorization still happens when the action runs.
   */
  private async signInFirst(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse | undefined> {
    if (!this.signIn) return undefined;
    const info = turnInfo(context);
    info.agent ??= this.signIn.agentOf(context);
    const refused = await this.signIn.acceptCardAuthentication(context, invoke);
    if (refused) return refused;
    const route = this.actionsByVerb.get(invoke.action?.verb ?? '');
    if (!route || !this.signIn.needsAgentToken(route.permission)) return undefined;
    try {
      if (await this.signIn.hasAgentToken(info)) return undefined;
    } catch {
      // Any other identity failure (no MFA, refused credentials) is answered by the action's own error card.
      return undefined;
    }
    this.logger.info(
      { correlationId: info.correlationId, verb: route.verb },
      'sign-in requested for a card action',
    );
    return this.signIn.loginRequest(context, info);
  }

  private async authorize(
    context: TurnContext,
    dialogs: DialogOpener,
    info: TurnInfo,
    permission: Permission,
    action: string,
  ): Promise<{ turn: HandlerTurn } | { denied: DenialReason }> {
    const decision = await this.authorizer.check(info.caller, permission, {
      action,
      correlationId: info.correlationId,
    });
    if (decision.allowed) {
      if (decision.scope) {
        info.customerAccess = {
          scope: decision.scope,
          permission,
          action,
          actor: { aadObjectId: info.caller.aadObjectId, name: info.caller.name, roles: decision.roles },
        };
      }
      if (this.signIn) info.agent ??= this.signIn.agentOf(context);
      return { turn: { context, info, roles: decision.roles, dialogs } };
    }
    this.logger.info(
      { correlationId: info.correlationId, action, reason: decision.reason },
      'request refused',
    );
    return { denied: decision.reason };
  }

  private async recordOutcome(
    info: TurnInfo,
    turn: HandlerTurn,
    action: string,
    outcome: ActionOutcome | undefined,
  ) {
    await this.audit.append({
      actorId: info.caller.aadObjectId ?? 'unknown',
      actorName: info.caller.name,
      roles: turn.roles,
      action,
      outcome: outcome?.failed ? 'failed' : 'succeeded',
      correlationId: info.correlationId,
      customerId: outcome?.customerId,
      targetUserId: outcome?.targetUserId,
      subscriptionId: outcome?.subscriptionId,
      details: outcome?.details,
    });
  }

  private async recordFailure(info: TurnInfo, action: string, thrown: unknown) {
    const error = originalError(thrown);
    const code = errorCodeOf(error);
    const log = {
      correlationId: info.correlationId,
      action,
      code,
      ...(isAppError(error) ? { details: error.details } : {}),
    };
    if (code === 'INTERNAL') this.logger.error({ ...log, err: error }, 'action failed');
    else this.logger.warn(log, 'action failed');
    await this.audit
      .append({
        actorId: info.caller.aadObjectId ?? 'unknown',
        actorName: info.caller.name,
        roles: [],
        action,
        outcome: 'failed',
        correlationId: info.correlationId,
        // Customer-scope refusals and missing GDAP roles name the customer.
        customerId:
          isAppError(error) && typeof error.details.customerId === 'string'
            ? error.details.customerId
            : undefined,
        details: { code },
      })
      .catch((auditError: unknown) =>
        this.logger.error({ correlationId: info.correlationId, err: auditError }, 'audit append failed'),
      );
  }
}

/** A button the bot does not (or no longer) understands: say so, and leave the card as it is. */
function staleButtonResponse(info: TurnInfo): AdaptiveCardInvokeResponse {
  const text = textFor(info);
  return messageResponse(
    `${errorText('CARD_ACTION_INVALID', text)} ${text.t('error.reference', { correlationId: info.correlationId })}`,
  );
}

function signInRequired(): AppError {
  return new AppError('AUTH_SIGN_IN_REQUIRED', 'The agent must sign in before this operation');
}

function cardActionInvalid(verb: string): AppError {
  return new AppError('CARD_ACTION_INVALID', `Card action "${verb}" is unknown or its data is invalid`, {
    verb,
  });
}
