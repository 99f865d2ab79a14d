import { randomUUID } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerSearchField } from '../api/partner-center';

/**
 * A multi-page customer search kept on the server (conversation state), so that a "Show more"
 * button carries only an opaque search id, never the query or Partner Center's continuation token.
 */
export interface LookupSession {
  id: string;
  field: CustomerSearchField;
  prefix: string;
  continuationToken: string;
  shown: number;
  createdAt: string;
}

type SessionMap = Record<string, LookupSession>;

/** The most recent searches per conversation; older ones expire from the list. */
export const MAX_SESSIONS_PER_CONVERSATION = 20;

export class LookupSessions {
  constructor(private readonly accessor: StatePropertyAccessor<SessionMap>) {}

  async open(context: TurnContext, session: Omit<LookupSession, 'id' | 'createdAt'>): Promise<LookupSession> {
    const sessions = await this.accessor.get(context, {});
    const created: LookupSession = { ...session, id: randomUUID(), createdAt: new Date().toISOString() };
    const kept = Object.values(sessions)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_SESSIONS_PER_CONVERSATION - 1);
    await this.accessor.set(context, Object.fromEntries([...kept, created].map((item) => [item.id, item])));
    return created;
  }

  async find(context: TurnContext, id: string): Promise<LookupSession | undefined> {
    const sessions = await this.accessor.get(context, {});
    return Object.hasOwn(sessions, id) ? sessions[id] : undefined;
  }

  async advance(
    context: TurnContext,
    id: string,
    continuationToken: string | undefined,
    shown: number,
  ): Promise<void> {
    const sessions = await this.accessor.get(context, {});
    const existing = sessions[id];
    if (!existing) return;
    if (continuationToken) sessions[id] = { ...existing, continuationToken, shown };
    else delete sessions[id];
    await this.accessor.set(context, sessions);
  }
}
