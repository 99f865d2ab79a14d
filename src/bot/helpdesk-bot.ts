import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { DialogSet } from 'botbuilder-dialogs';
import type { Router } from './router';

/**
 * The Teams-facing bot: messages and Universal Action invokes go to the router;
 * conversation state (dialog stacks, lookup sessions) is saved at the end of every turn.
 */
export class HelpdeskBot extends ActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly dialogs: DialogSet,
    private readonly conversationState: ConversationState,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const dialogContext = await this.dialogs.createContext(context);
      await this.router.handleMessage(context, dialogContext);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const dialogContext = await this.dialogs.createContext(context);
    return this.router.handleCardAction(context, dialogContext, invokeValue);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
