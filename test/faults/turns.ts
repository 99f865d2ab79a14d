import { type ErrorCode, errorCatalog } from '../../src/errors';
import { cardActionActivity, messageActivity, type TestUser, users } from '../support/activities';
import { cardOf, cardTexts, type TestBot } from '../support/test-bot';

/**
 * Turns for the fault tests: a message or a button click in a conversation of its own, the reply's texts,
 * and what a failure must leave behind — the catalog message and a reference for the user, one log line
 * and one audit row under that reference.
 */

export interface Reply {
  conversationId: string;
  card: Record<string, unknown>;
  texts: string;
}

const REFERENCE = /Reference: ([0-9a-f-]{36})/;

let conversations = 0;
export function newConversation(prefix: string): string {
  return `${prefix}-${++conversations}-${Date.now()}`;
}

export async function say(
  bot: TestBot,
  text: string,
  options: { user?: TestUser; conversationId?: string } = {},
): Promise<Reply> {
  const conversationId = options.conversationId ?? newConversation('faults');
  const before = bot.connector.activities.filter(
    (activity) => activity.conversationId === conversationId,
  ).length;
  const response = await bot.post(
    messageActivity(text, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId,
      user: options.user ?? users.alex,
    }),
  );
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  const replies = await bot.connector.waitFor(before + 1, conversationId);
  const card = cardOf(replies.at(-1) as never);
  return { conversationId, card, texts: cardTexts(card).join('\n') };
}

export async function click(
  bot: TestBot,
  verb: string,
  data: Record<string, unknown>,
  options: { conversationId: string; user?: TestUser; replyToId?: string },
): Promise<{ statusCode: number; type: string; value: unknown }> {
  const response = await bot.post(
    cardActionActivity(verb, data, {
      serviceUrl: bot.connector.serviceUrl,
      conversationId: options.conversationId,
      user: options.user ?? users.alex,
      replyToId: options.replyToId,
    }),
  );
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return response.body as { statusCode: number; type: string; value: unknown };
}

/** The reference (correlation id) an error card shows, or undefined. */
export function referenceOn(texts: string): string | undefined {
  return REFERENCE.exec(texts)?.[1];
}

/** Asserts the user was told the catalog message for `code`, with a reference; returns the reference. */
export function expectToldAbout(texts: string, code: ErrorCode): string {
  expect(texts).toContain(errorCatalog[code]);
  const reference = referenceOn(texts);
  expect(reference).toBeDefined();
  return reference as string;
}

/** The log lines of one failure: a warn/error line naming the reference and the code. */
export function failureLines(bot: TestBot, correlationId: string): Record<string, unknown>[] {
  return bot.logs.filter(
    (line) =>
      line.correlationId === correlationId &&
      (line.level === 'warn' || line.level === 'error') &&
      typeof line.code === 'string',
  );
}
