import type * as AdaptiveCards from 'adaptivecards';

/**
 * Parses a card with the official `adaptivecards` object model and returns every parse warning and
 * validation failure. The package's `lib` is ESM that Node cannot load, so the UMD bundle is required instead.
 */
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

export function adaptiveCardProblems(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    problems.push(context.getEventAt(index).message);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
