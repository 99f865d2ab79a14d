import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { type AdaptiveCard, messageCard } from '../cards';
import type { Logger } from '../log';
import { answerEarly } from './early-answer';
import { lateFormOf } from './private-answer';
import { cardMessage, cardResponse, errorCard, messageResponse, textFor } from './replies';
import { lateSignInMessage } from './sign-in';
import type { TurnInfo } from './turn-info';

/**
 * Teams gives a card button about two seconds for its answer and retries the invoke when it gets none.
 * A card action still running at the deadline is answered at once ("working on it") while the turn goes on;
 * when the handler is done, its result replaces the clicked card (or arrives as a message), so the user sees
 * the outcome and Teams never repeats the action.
 *
 * Only in personal conversations: an invoke answer is seen by the clicker alone (it may hold a new password,
 * or a view for that user), while a card update is seen by everyone in the conversation. Even there a card
 * update stays in the chat: a private answer (src/bot/private-answer.ts) is replaced by its late form. In a group chat or a
 * channel the action keeps its answer, however long it takes (card actions are idempotent for Teams' retry).
 */

export const DEFAULT_INVOKE_DEADLINE_MS = 1000;

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

export interface InvokeDeadlineOptions {
  logger: Logger;
  /** How long a card action may run before it is answered without its result. */
  deadlineMs?: number;
}

export class InvokeDeadline {
  private readonly deadlineMs: number;

  constructor(private readonly options: InvokeDeadlineOptions) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_INVOKE_DEADLINE_MS;
  }

  /** The handler's answer if it comes within the deadline; else an early acknowledgement, and the result later. */
  async answer(
    context: TurnContext,
    info: TurnInfo,
    result: Promise<AdaptiveCardInvokeResponse>,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { activity } = context;
    if (activity.conversation?.conversationType !== 'personal' || activity.deliveryMode === 'expectReplies') {
      return result;
    }
    const timedOut = Symbol('timedOut');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(resolve, this.deadlineMs, timedOut);
    });
    const first = await Promise.race([result, deadline]).finally(() => clearTimeout(timer));
    if (first !== timedOut) return first;

    const acknowledgement = messageResponse(textFor(info).t('invoke.deferred'));
    if (!answerEarly(context, 200, acknowledgement)) return result;
    this.options.logger.info(
      { correlationId: info.correlationId, deadlineMs: this.deadlineMs },
      'card action acknowledged before it finished; its result follows as an update',
    );
    const response = await result.catch(async (error: unknown) => {
      // The user was told "working on it": they get the error card in its place; the turn's error handler logs it.
      await this.deliver(context, cardResponse(errorCard(error, info))).catch(() => undefined);
      throw error;
    });
    try {
      await this.deliver(context, lateFormOf(response));
    } catch (error) {
      this.options.logger.error(
        { correlationId: info.correlationId, err: error },
        'the late result of a card action could not be delivered',
      );
    }
    return response;
  }

  private async deliver(context: TurnContext, response: AdaptiveCardInvokeResponse): Promise<void> {
    const cardActivityId = context.activity.replyToId;
    if (response.type === CARD_RESPONSE) {
      const card = cardMessage(response.value as unknown as AdaptiveCard);
      if (cardActivityId) await context.updateActivity({ ...card, id: cardActivityId });
      else await context.sendActivity(card);
      return;
    }
    const signIn = lateSignInMessage(response);
    if (signIn) {
      await context.sendActivity(signIn);
      return;
    }
    const message = response.value as unknown;
    if (typeof message === 'string' && message !== '') {
      await context.sendActivity(cardMessage(messageCard({ style: 'info', title: message })));
    }
  }
}
