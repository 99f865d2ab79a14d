import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards';
import { cardMessage } from './replies';

/**
 * Messages the bot sends outside a user's turn: notifications (a provisioning watch firing, an approval
 * decided) and in-place updates of a card posted earlier. Conversation references are stored by the
 * domain as plain JSON; only this module knows they are botbuilder's.
 */
export type StoredConversationReference = Record<string, unknown>;

export interface ProactiveMessenger {
  /** The reference of the conversation the current activity came from, as storable JSON. */
  referenceOf(context: TurnContext): StoredConversationReference;
  /** Sends a card into the conversation; resolves with the new activity's id. */
  sendCard(reference: StoredConversationReference, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces an earlier card (by its activity id) in place for everyone in the conversation. */
  updateCard(reference: StoredConversationReference, activityId: string, card: AdaptiveCard): Promise<void>;
}

export function createProactiveMessenger(
  adapter: CloudAdapter,
  botAppId: string | undefined,
): ProactiveMessenger {
  const appId = botAppId ?? '';
  const continueIn = (
    reference: StoredConversationReference,
    logic: (context: TurnContext) => Promise<void>,
  ) => adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, logic);

  return {
    referenceOf(context) {
      return JSON.parse(
        JSON.stringify(TurnContext.getConversationReference(context.activity)),
      ) as StoredConversationReference;
    },
    async sendCard(reference, card) {
      let activityId: string | undefined;
      await continueIn(reference, async (context) => {
        activityId = (await context.sendActivity(cardMessage(card)))?.id;
      });
      return activityId;
    },
    async updateCard(reference, activityId, card) {
      await continueIn(reference, async (context) => {
        await context.updateActivity({ ...cardMessage(card), id: activityId });
      });
    },
  };
}
