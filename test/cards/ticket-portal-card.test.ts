import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import {
  descriptionPartLength,
  descriptionParts,
  ticketPortalCards,
} from '../../src/cards/ticket-portal-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { allNodes, executeActions, textRuns } from './card-tree';

const text = strings('en-US');
const portalUrl =
  'https://partner.microsoft.com/dashboard/v2/customers/c5757d70-06f3-4f23-8367-5a9e55019f94/servicemanagementpage';
const values = {
  topicId: '32444671',
  title: 'Profile page spins',
  description: 'It spins forever.',
  severity: 'moderate',
  contactName: '',
  contactEmail: 'mblanc@outlook.com',
  contactPhone: '',
};
/** The description pieces: the runs of the last block of each card. */
const descriptionOf = (cards: { body: unknown[] }[]) =>
  cards.flatMap((card) =>
    ((card.body.at(-1) as { inlines: { text: string }[] }).inlines ?? []).map((run) => run.text),
  );

describe('ticket portal fallback card', () => {
  it('says the API does not offer it, and links to the customer’s service requests in the portal', () => {
    const [card, ...more] = ticketPortalCards({ companyName: 'Contoso190', portalUrl }, text);
    expect(more).toEqual([]);
    expect(textRuns(card)).toEqual([
      'Partner Center does not offer this through its API',
      "Open the customer's service requests in the Partner Center portal and create the request there.",
      portalUrl,
    ]);
    expect(allNodes(card).filter((node) => node.type === 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Open Contoso190 in Partner Center', url: portalUrl },
    ]);
    expect(executeActions(card)).toEqual([]);
  });

  it('keeps what was typed, to paste in the portal (empty fields left out)', () => {
    const [card] = ticketPortalCards(
      {
        companyName: 'Contoso190',
        portalUrl,
        typed: { values, topicName: 'Cannot manage my profile', severityName: 'Moderate (B)' },
      },
      text,
    );
    expect(textRuns(card).slice(3)).toEqual([
      'What you typed',
      'Support topic',
      'Cannot manage my profile',
      'Severity',
      'Moderate (B)',
      'Title',
      'Profile page spins',
      'Contact email',
      'mblanc@outlook.com',
      'Description',
      'It spins forever.',
    ]);
  });

  it('cuts a description into pieces that join back to it exactly, never inside a character', () => {
    const description = `${'a😀'.repeat(1500)}end`;
    const parts = descriptionParts(description);
    expect(parts.join('')).toBe(description);
    expect(parts.every((part) => Array.from(part).length <= descriptionPartLength)).toBe(true);
  });

  it('continues a long description in a wide script on further cards, each under the Teams limit', () => {
    const description = '東京😀'.repeat(3334).slice(0, 10_000);
    const cards = ticketPortalCards(
      { companyName: 'Contoso190', portalUrl, typed: { values: { ...values, description } } },
      text,
    );
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
    expect(textRuns(cards[1])[0]).toBe(`What you typed, continued (2 of ${cards.length})`);
    expect(descriptionOf(cards).join('')).toBe(description);
  });
});
