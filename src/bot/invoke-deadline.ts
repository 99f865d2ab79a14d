import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { type AdaptiveCard, messageCard } from '../cards';
import type { Logger } from '../log';
import type { ProactiveMessenger, StoredConversationReference } from './proactive';
import { messageResponse, textFor } from './replies';
import type { TurnInfo } from './turn-info';

/**
 * Teams gives a card button about two seconds for its answer and retries the invoke when it gets none.
 * A card action still running at the deadline is answered at once ("working on it"); its result follows as a
 * proactive update of the clicked card (or a new message), so the user sees the outcome and Teams never
 * repeats the action.
 *
 * Only in personal conversations: an invoke answer is seen by the clicker alone (it may hold a new password,
 * or a view for that user), while an update is seen by everyone in the conversation. In a group chat or a
 * channel the action keeps its answer, however long it takes (card actions are idempotent for Teams' retry).
 */

export const DEFAULT_INVOKE_DEADLINE_MS = 1000;

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

export interface InvokeDeadlineOptions {
  proactive: ProactiveMessenger;
  logger: Logger;
  /** How long a card action may run before it is answered without its result. */
  deadlineMs?: number;
  /** Runs after a late result was delivered, with the original turn (saves state the handler changed). */
  afterLateResult?: (context: TurnContext) => Promise<void>;
}

export class InvokeDeadline {
  private readonly pending = new Set<Promise<void>>();
  private readonly deadlineMs: number;

  constructor(private readonly options: InvokeDeadlineOptions) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_INVOKE_DEADLINE_MS;
  }

  /** The handler's answer if it comes within the deadline; else an acknowledgement, and the result later. */
  async answer(
    context: TurnContext,
    info: TurnInfo,
    result: Promise<AdaptiveCardInvokeResponse>,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (context.activity.conversation?.conversationType !== 'personal') return result;
    const timedOut = Symbol('timedOut');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(resolve, this.deadlineMs, timedOut);
    });
    const first = await Promise.race([result, deadline]).finally(() => clearTimeout(timer));
    if (first !== timedOut) return first;

    this.options.logger.info(
      { correlationId: info.correlationId, deadlineMs: this.deadlineMs },
      'card action acknowledged before it finished; its result follows as an update',
    );
    const reference = this.options.proactive.referenceOf(context);
    const finishing: Promise<void> = this.finishLate(context, info, reference, result).finally(() =>
      this.pending.delete(finishing),
    );
    this.pending.add(finishing);
    return messageResponse(textFor(info).t('invoke.deferred'));
  }

  /** Card actions still finishing in the background. */
  inProgress(): number {
    return this.pending.size;
  }

  /** Waits for late results still being finished (on shutdown), at most `timeoutMs`. */
  async settle(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.pending]), limit]).finally(() => clearTimeout(timer));
  }

  private async finishLate(
    context: TurnContext,
    info: TurnInfo,
    reference: StoredConversationReference,
    result: Promise<AdaptiveCardInvokeResponse>,
  ): Promise<void> {
    try {
      await this.deliver(reference, context.activity.replyToId, await result);
      await this.options.afterLateResult?.(context);
    } catch (error) {
      this.options.logger.error(
        { correlationId: info.correlationId, err: error },
        'the late result of a card action could not be delivered',
      );
    }
  }

  private async deliver(
    reference: StoredConversationReference,
    cardActivityId: string | undefined,
    response: AdaptiveCardInvokeResponse,
  ): Promise<void> {
    const { proactive } = this.options;
    if (response.type === CARD_RESPONSE) {
      const card = response.value as unknown as AdaptiveCard;
      if (cardActivityId) await proactive.updateCard(reference, cardActivityId, card);
      else await proactive.sendCard(reference, card);
      return;
    }
    const message = response.value as unknown;
    if (typeof message === 'string' && message !== '') {
      await proactive.sendCard(reference, messageCard({ style: 'info', title: message }));
    }
  }
}
