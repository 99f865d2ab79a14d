import type { TurnContext } from 'botbuilder';
import type { ApprovalListener } from '../approvals/approval-engine';
import { isFinal } from '../approvals/approval-state';
import type { ProactiveMessenger, StoredConversationReference } from '../bot/proactive';
import { cardMessage } from '../bot/replies';
import {
  type AdaptiveCard,
  approvalCard,
  type MessageStyle,
  maxRefreshUserIds,
  messageCard,
  requestSummary,
  type Viewer,
} from '../cards';
import { type Strings, strings } from '../i18n/strings';
import type { Logger } from '../log';
import type { ApprovalCardLocation, ApprovalRepository, ApprovalRequest } from '../store/approvals';

/**
 * Where approval cards live in Teams: it posts a new request's card (to the approvals channel, else where it
 * was asked), keeps every copy up to date for everyone when the request changes, and tells the requester the
 * outcome. It is the engine's listener; conversation references are stored JSON, opaque to the domain.
 */

export interface ApprovalDeskOptions {
  repository: ApprovalRepository;
  proactive: ProactiveMessenger;
  logger: Logger;
}

export interface Posted {
  /**
   * 'channel': the card went to the approvals channel (and the requester got their own copy here);
   * 'fallback': the channel could not be reached, so the approvers' card is here.
   */
  where: 'channel' | 'here' | 'fallback';
  channelName?: string;
}

/** A Teams channel conversation id names a thread with ";messageid=…"; the channel itself is the part before. */
export function channelReference(reference: StoredConversationReference): StoredConversationReference {
  const conversation = (reference.conversation ?? {}) as Record<string, unknown>;
  const id = typeof conversation.id === 'string' ? conversation.id.split(';messageid=')[0] : conversation.id;
  return { ...reference, conversation: { ...conversation, id } };
}

function conversationIdOf(reference: StoredConversationReference): string | undefined {
  const id = (reference.conversation as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id.split(';messageid=')[0] : undefined;
}

export function isPersonal(reference: StoredConversationReference): boolean {
  return (
    (reference.conversation as { conversationType?: unknown } | undefined)?.conversationType === 'personal'
  );
}

/**
 * The text of the cards the desk posts and updates on its own: in the requester's language and time zone, the
 * zone named, since approvers elsewhere read the same card. A viewer's own answer is in their own text.
 */
function requestText(request: ApprovalRequest): Strings {
  return strings(request.locale, request.timeZone, { nameTimeZone: true });
}

const outcomeStyles: Partial<Record<ApprovalRequest['status'], MessageStyle>> = {
  done: 'info',
  failed: 'error',
  rejected: 'warning',
  expired: 'warning',
};

export class ApprovalDesk implements ApprovalListener {
  constructor(private readonly options: ApprovalDeskOptions) {}

  /** Who gets the card refreshed to their own view: the requester and the approvers met most recently. */
  async refreshUserIds(request: ApprovalRequest): Promise<string[]> {
    const approvers = await this.options.repository.approverTeamsUserIds(maxRefreshUserIds);
    const requester = request.requester.teamsUserId;
    return [...new Set([...(requester ? [requester] : []), ...approvers])].slice(0, maxRefreshUserIds);
  }

  /** The card as this viewer sees it: in `text` when it answers them alone, else in the requester's. */
  async card(
    request: ApprovalRequest,
    viewer: Viewer,
    notice?: string,
    text: Strings = requestText(request),
  ): Promise<AdaptiveCard> {
    return approvalCard(
      { request, viewer, notice, refreshUserIds: await this.refreshUserIds(request) },
      text,
    );
  }

  /** Posts a new request's card; every copy is recorded so later changes update it in place. */
  async post(request: ApprovalRequest, context: TurnContext): Promise<Posted> {
    const { repository, proactive } = this.options;
    const channel = await repository.approvalsChannel();
    const here = proactive.referenceOf(context);
    const elsewhere = channel && conversationIdOf(channel.conversation) !== conversationIdOf(here);
    if (!elsewhere) {
      await this.postHere(request, context, here, 'approvers');
      return { where: 'here' };
    }
    const activityId = await proactive
      .sendCard(channel.conversation, await this.card(request, 'approver'))
      .catch((error: unknown) => {
        this.options.logger.warn(
          { requestId: request.id, err: error },
          'approval: approvals channel send failed',
        );
        return undefined;
      });
    if (!activityId) {
      // The bot was removed from the channel, or Teams is unreachable: the request must still be decidable.
      this.options.logger.warn(
        { requestId: request.id },
        'approval: approvals channel unreachable, card posted here',
      );
      await this.postHere(request, context, here, 'approvers');
      return { where: 'fallback', channelName: channel.name };
    }
    await repository.addCard(request.id, {
      conversation: channel.conversation,
      activityId,
      audience: 'approvers',
    });
    await this.postHere(request, context, here, 'requester');
    return { where: 'channel', channelName: channel.name };
  }

  /**
   * Updates every copy of the card, then tells the requester of a final decision (with the temporary password
   * of a privileged reset, in their personal chat). When the requester cannot be reached, the cards are updated
   * again to say so (a password that was not delivered is lost) and the failure is thrown for the engine to
   * record.
   */
  async changed(request: ApprovalRequest, delivery?: { secret: string }): Promise<void> {
    await Promise.all(request.cards.map((location) => this.update(request, location)));
    if (!isFinal(request.status) || request.status === 'cancelled') return;
    try {
      await this.tellRequester(request, delivery);
    } catch (error) {
      const secretLost = delivery !== undefined;
      this.options.logger.error(
        { requestId: request.id, err: error, secretLost },
        'approval: the requester could not be told',
      );
      const notice = this.notToldNotice(request, secretLost);
      await Promise.all(request.cards.map((location) => this.update(request, location, notice)));
      throw new RequesterNotTold(request.id, secretLost);
    }
  }

  private notToldNotice(request: ApprovalRequest, secretLost: boolean): string {
    const requester = request.requester.name ?? request.requester.id;
    return requestText(request).t(
      secretLost ? 'approval.notice.secretNotDelivered' : 'approval.notice.requesterNotTold',
      { requester },
    );
  }

  private async postHere(
    request: ApprovalRequest,
    context: TurnContext,
    here: StoredConversationReference,
    audience: ApprovalCardLocation['audience'],
  ): Promise<void> {
    const viewer = audience === 'approvers' ? 'approver' : 'requester';
    const sent = await context.sendActivity(cardMessage(await this.card(request, viewer)));
    if (sent?.id) {
      await this.options.repository.addCard(request.id, {
        conversation: here,
        activityId: sent.id,
        audience,
      });
    }
  }

  private async update(
    request: ApprovalRequest,
    location: ApprovalCardLocation,
    notice?: string,
  ): Promise<void> {
    try {
      const viewer = location.audience === 'approvers' ? 'approver' : 'requester';
      await this.options.proactive.updateCard(
        location.conversation,
        location.activityId,
        await this.card(request, viewer, notice),
      );
    } catch (error) {
      this.options.logger.warn({ requestId: request.id, err: error }, 'approval: card update failed');
    }
  }

  private async tellRequester(request: ApprovalRequest, delivery?: { secret: string }): Promise<void> {
    const text = strings(request.locale, request.timeZone);
    const summary = requestSummary(request, text);
    const title = text.t(`approval.outcome.${request.status as 'done' | 'failed' | 'rejected' | 'expired'}`, {
      summary,
    });
    // A secret (a temporary password) is for the requester alone: never into a chat that others can read.
    if (delivery && !isPersonal(request.requesterConversation)) {
      throw new Error('approval: a secret can only be delivered in the requester’s personal chat');
    }
    const details = delivery ? [text.t('approval.outcome.secret', { secret: delivery.secret })] : [];
    await this.options.proactive.sendCard(
      request.requesterConversation,
      messageCard({ style: outcomeStyles[request.status] ?? 'info', title, details }),
    );
  }
}

/** The requester could not be told of a final decision; `secretLost`: a temporary password went with it. */
export class RequesterNotTold extends Error {
  constructor(
    readonly requestId: string,
    readonly secretLost: boolean,
  ) {
    super(
      `approval ${requestId}: the requester could not be told${secretLost ? ' (temporary password lost)' : ''}`,
    );
    this.name = 'RequesterNotTold';
  }
}
