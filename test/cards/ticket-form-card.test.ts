import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { ticketFormCard, ticketFormCardThatFits } from '../../src/cards/ticket-form-card';
import { strings } from '../../src/i18n/strings';
import type { TicketFormValues } from '../../src/tickets/ticket-form';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { allNodes, executeActions, textRuns } from './card-tree';

const text = strings('en-US');
const base = {
  companyName: 'Contoso190',
  customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  draftId: '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33',
  topics: [
    { id: '32444667', name: 'Partner Center Issues' },
    { id: '32444671', name: 'Cannot manage my profile' },
  ],
};
const typed: TicketFormValues = {
  topicId: '32444671',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder is part of the typed text
  title: 'Profile page "spins" ${forever}',
  description: 'Line one\nLine two with **no markdown** and [a link](https://evil.example)',
  severity: 'critical',
  contactName: 'Melvin Blanc',
  contactEmail: 'mblanc@outlook.com',
  contactPhone: '+1 213 555 0100',
};

const inputsOf = (card: unknown) =>
  Object.fromEntries(
    allNodes(card)
      .filter((node) => String(node.type).startsWith('Input.'))
      .map((node) => [node.id, node]),
  );

describe('new ticket form card', () => {
  it('offers the topics, the three severities (most severe first) and the optional contact fields', () => {
    const card = ticketFormCard(base, text);
    const inputs = inputsOf(card);
    expect(Object.keys(inputs)).toEqual([
      'topicId',
      'title',
      'description',
      'severity',
      'contactName',
      'contactEmail',
      'contactPhone',
    ]);
    expect(inputs.topicId?.choices).toEqual([
      { title: 'Partner Center Issues', value: '32444667' },
      { title: 'Cannot manage my profile', value: '32444671' },
    ]);
    expect(
      (inputs.severity?.choices as { value: string }[] | undefined)?.map((choice) => choice.value),
    ).toEqual(['critical', 'moderate', 'minimal']);
    expect(inputs.title).toMatchObject({ isRequired: true, maxLength: 255, label: 'Title' });
    expect(inputs.description).toMatchObject({ isRequired: true, maxLength: 10_000, isMultiline: true });
    expect(inputs.contactEmail).toMatchObject({ style: 'Email' });
    expect(inputs.contactName?.isRequired).toBeUndefined();
  });

  it('carries only the submission id and the customer on its button', () => {
    expect(executeActions(ticketFormCard(base, text))).toEqual([
      expect.objectContaining({
        verb: 'ticket.create',
        data: { draftId: base.draftId, customerId: base.customerId },
      }),
    ]);
  });

  it('gives back everything typed, as typed, with each problem right under its field', () => {
    const card = ticketFormCard(
      {
        ...base,
        values: typed,
        problems: [
          { field: 'title', problem: 'tooLong', max: 255, length: 300 },
          { field: 'contactPhone', problem: 'invalidPhone' },
        ],
        banner: { style: 'attention', text: 'Please fix the fields marked below.' },
      },
      text,
    );
    const inputs = inputsOf(card);
    for (const [id, value] of Object.entries(typed)) expect(inputs[id]?.value).toBe(value);
    const body = card.body as Record<string, unknown>[];
    const below = (id: string) => JSON.stringify(body[body.findIndex((element) => element.id === id) + 1]);
    expect(below('title')).toContain('At most 255 characters; this has 300.');
    expect(below('contactPhone')).toContain('Use digits, spaces');
    expect(below('description')).not.toContain('Attention');
    expect(textRuns(card)).toContain('Please fix the fields marked below.');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('keeps a description of 10,000 characters whole', () => {
    const description = 'x'.repeat(10_000);
    const card = ticketFormCardThatFits({ ...base, values: { ...typed, description } }, text);
    expect(inputsOf(card).description?.value).toBe(description);
  });

  it('answers nothing, rather than a shortened copy, when the typed text cannot fit one Teams card', () => {
    const wide = '😀'.repeat(9_000);
    expect(
      ticketFormCardThatFits({ ...base, values: { ...typed, description: wide } }, text),
    ).toBeUndefined();
    expect(
      ticketFormCardThatFits({ ...base, values: { ...typed, title: 'x'.repeat(20_001) } }, text),
    ).toBeUndefined();
    const fits = ticketFormCardThatFits(
      { ...base, values: { ...typed, description: '株'.repeat(5_000) } },
      text,
    );
    expect(fits && cardByteLength(fits)).toBeLessThanOrEqual(maxCardBytes);
  });
});
