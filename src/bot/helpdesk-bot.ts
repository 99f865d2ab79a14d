import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type ConversationState,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { DialogContext, DialogSet } from 'botbuilder-dialogs';
import type { CustomerSearchExtension } from './message-extension';
import type { Router } from './router';
import type { DialogOpener } from './routes';
import { isSignInInvoke, type SignInFlow } from './sign-in';
import type { Welcomer } from './welcome';

/** What the bot does in Teams besides commands and card buttons. */
export interface TeamsFeatures {
  /** The compose box's customer search (`composeExtension/query`). */
  customerSearch: CustomerSearchExtension;
  /** The welcome card on install (`conversationUpdate` with the bot added, or `installationUpdate` add). */
  welcomer: Welcomer;
  /** Identity mode `agent`: Teams single sign-on (`signin/tokenExchange`, `signin/verifyState`). */
  signIn?: SignInFlow;
}

/**
 * The Teams-facing bot: messages and Universal Action invokes go to the router, message-extension
 * queries to the customer search, installs to the welcome; conversation state (dialog stacks, lookup
 * sessions) is read when a turn first needs it and saved at the end of the turn if it changed.
 */
export class HelpdeskBot extends TeamsActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly dialogs: DialogSet,
    private readonly conversationState: ConversationState,
    private readonly teams: TeamsFeatures,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.router.handleMessage(context, this.dialogOpener(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (includesBot(context, context.activity.membersAdded)) await this.teams.welcomer.installed(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.teams.welcomer.installed(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (includesBot(context, context.activity.membersRemoved))
        await this.teams.welcomer.uninstalled(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.teams.welcomer.uninstalled(context);
      await next();
    });
  }

  /** A completed sign-in runs the command the agent asked for before signing in. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { signIn } = this.teams;
    if (!signIn || !isSignInInvoke(context)) return super.onInvokeActivity(context);
    const { response, resume } = await signIn.completeSignIn(context);
    if (resume) {
      await this.router.resumeCommand(context, this.dialogOpener(context), resume);
    } else if (response.status === 200) {
      await signIn.confirmSignedIn(context);
    }
    return response;
  }

  protected override handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return this.teams.customerSearch.query(context, query);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.router.handleCardAction(context, this.dialogOpener(context), invokeValue);
  }

  /** The turn's dialog context, created on first use only (creating it reads the conversation state). */
  private dialogOpener(context: TurnContext): DialogOpener {
    let opened: Promise<DialogContext> | undefined;
    return () => {
      opened ??= this.dialogs.createContext(context);
      return opened;
    };
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

function includesBot(context: TurnContext, members: readonly ChannelAccount[] | undefined): boolean {
  return (members ?? []).some((member) => member.id === context.activity.recipient?.id);
}
