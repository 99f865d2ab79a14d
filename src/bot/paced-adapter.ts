import { type Activity, CloudAdapter, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { SendPacer } from './send-pacer';

/** Activity types that never reach Teams (handled inside botbuilder), so they are not paced. */
const LOCAL_TYPES = new Set(['delay', 'invokeResponse', 'trace']);

/**
 * The Bot Framework adapter with every outgoing send and update — in a turn or proactive — going through
 * the per-conversation pacer, one activity at a time (a retried batch would repeat the activities sent).
 */
export class PacedCloudAdapter extends CloudAdapter {
  constructor(
    authentication: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly pacer: SendPacer,
  ) {
    super(authentication);
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const send = () => super.sendActivities(context, [activity]);
      const conversationId = activity.conversation?.id;
      const paced = conversationId !== undefined && !LOCAL_TYPES.has(activity.type ?? '');
      responses.push(...(paced ? await this.pacer.send(conversationId, send) : await send()));
    }
    return responses;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
    // biome-ignore lint/suspicious/noConfusingVoidType: the signature of CloudAdapter.updateActivity.
  ): Promise<ResourceResponse | void> {
    const update = () => super.updateActivity(context, activity);
    const conversationId = activity.conversation?.id;
    return conversationId === undefined ? update() : this.pacer.send(conversationId, update);
  }
}
