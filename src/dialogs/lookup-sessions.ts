import { randomUUID } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerSearchField } from '../api/partner-center';

/**
 * A multi-page customer search kept on the server (conversation state), so that a "Show more" button
 * carries only an opaque search id, never the query or Partner Center's continuation token. A search is
 * continued either through Partner Center (its continuation token) or through the customer index (the
 * query and how many matches were shown).
 */
interface SessionBase {
  id: string;
  shown: number;
  createdAt: string;
}

export interface PartnerCenterLookupSession extends SessionBase {
  /** Absent in sessions stored before the index existed. */
  source?: 'partnerCenter';
  field: CustomerSearchField;
  prefix: string;
  continuationToken: string;
}

export interface IndexLookupSession extends SessionBase {
  source: 'index';
  query: string;
}

export type LookupSession = PartnerCenterLookupSession | IndexLookupSession;

export type NewLookupSession =
  | Omit<PartnerCenterLookupSession, 'id' | 'createdAt'>
  | Omit<IndexLookupSession, 'id' | 'createdAt'>;

/** Where a search stands after one more page; undefined when it has no more pages. */
export interface LookupProgress {
  shown: number;
  /** The next Partner Center continuation (Partner Center sessions only). */
  continuationToken?: string;
}

type SessionMap = Record<string, LookupSession>;

/** The most recent searches per conversation; older ones expire from the list. */
export const MAX_SESSIONS_PER_CONVERSATION = 20;

export class LookupSessions {
  constructor(private readonly accessor: StatePropertyAccessor<SessionMap>) {}

  async open(context: TurnContext, session: NewLookupSession): Promise<LookupSession> {
    const sessions = await this.accessor.get(context, {});
    const created = { ...session, id: randomUUID(), createdAt: new Date().toISOString() } as LookupSession;
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

  async advance(context: TurnContext, id: string, progress: LookupProgress | undefined): Promise<void> {
    const sessions = await this.accessor.get(context, {});
    const existing = sessions[id];
    if (!existing) return;
    if (!progress) delete sessions[id];
    else if (existing.source === 'index') sessions[id] = { ...existing, shown: progress.shown };
    else if (progress.continuationToken) {
      sessions[id] = { ...existing, shown: progress.shown, continuationToken: progress.continuationToken };
    } else delete sessions[id];
    await this.accessor.set(context, sessions);
  }
}
