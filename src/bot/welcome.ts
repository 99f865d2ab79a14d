import type { TurnContext } from 'botbuilder';
import type { Authorizer } from '../auth/authorizer';
import { welcomeCard } from '../cards';
import type { Logger } from '../log';
import type { ConversationWelcomes } from '../store/conversation-welcomes';
import { denialCard, sendCard, textFor } from './replies';
import type { CommandRoute } from './routes';
import { helpCommandsFor } from './routes/general';
import { turnInfo } from './turn-info';

/**
 * The welcome when the bot is installed in a personal chat, a group chat or a team: what it can do for
 * the user who installed it (the help card's commands for their roles), or the no-role card. Teams sends
 * both conversationUpdate (bot added) and installationUpdate (add) for one install; the conversation's
 * welcome is claimed once in the store, so only one card is posted. Uninstalling releases the claim.
 */

export interface WelcomeDeps {
  authorizer: Authorizer;
  welcomes: ConversationWelcomes;
  commands: () => readonly CommandRoute[];
  logger: Logger;
  now?: () => Date;
}

export class Welcomer {
  constructor(private readonly deps: WelcomeDeps) {}

  async installed(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return;
    const now = this.deps.now?.() ?? new Date();
    if (!(await this.deps.welcomes.claim(conversationId, now))) return;

    const decision = await this.deps.authorizer.check(info.caller, 'help', {
      action: 'welcome',
      correlationId: info.correlationId,
    });
    const conversationType = context.activity.conversation.conversationType;
    this.deps.logger.info(
      { correlationId: info.correlationId, conversationType, allowed: decision.allowed },
      'bot installed: welcome',
    );
    if (!decision.allowed) return sendCard(context, denialCard(decision.reason, info));
    const text = textFor(info);
    await sendCard(
      context,
      welcomeCard(
        {
          name: info.caller.name,
          commands: helpCommandsFor(this.deps.commands(), decision.roles, text),
          scope: conversationType === 'personal' ? 'personal' : 'shared',
        },
        text,
      ),
    );
  }

  async uninstalled(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (conversationId) await this.deps.welcomes.release(conversationId);
  }
}
