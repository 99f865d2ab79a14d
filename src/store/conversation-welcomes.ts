import type { SqlExecutor } from './sql-executor';

/**
 * Conversations the bot has welcomed (table `conversation_welcomes`). Teams announces one install twice
 * (conversationUpdate and installationUpdate, possibly at the same moment, possibly to two instances):
 * claiming is one conditional insert, so exactly one of them posts the welcome. Uninstalling releases the
 * claim, so a later install is welcomed again.
 */
export interface ConversationWelcomes {
  /** True for the one caller that claimed the conversation's welcome. */
  claim(conversationId: string, at: Date): Promise<boolean>;
  release(conversationId: string): Promise<void>;
}

export function createConversationWelcomes(db: SqlExecutor): ConversationWelcomes {
  return {
    async claim(conversationId, at) {
      const { rowCount } = await db.query(
        `INSERT INTO conversation_welcomes (conversation_id, welcomed_at) VALUES ($1, $2)
         ON CONFLICT (conversation_id) DO NOTHING`,
        [conversationId, at],
      );
      return rowCount === 1;
    },

    async release(conversationId) {
      await db.query('DELETE FROM conversation_welcomes WHERE conversation_id = $1', [conversationId]);
    },
  };
}
