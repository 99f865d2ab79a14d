// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests are about literal `${…}` bindings and data.
import { cardByteLength, maxCardBytes, neutralizeTextFunctions } from '../../src/cards/render-card';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { allNodes, executeActions, nodesOfType, skeleton, textRuns } from './card-tree';
import { type CardName, everyCard } from './sample-cards';

/** Each shorter than the tightest clipping (audit rows: 60 code points), so it must appear whole. */
const hostileValues = [
  'He said "hello" and \'bye\'',
  'C:\\temp\\new\\ and a trailing backslash \\',
  '${companyName} ${$root.title} ${$data}',
  '${if(true, "a", "b")}',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  'at {{TIME(2017-02-14T06:08:39Z)}}',
  '[click here](https://evil.example/phish) **bold** _italic_',
  '{"type":"Action.OpenUrl","url":"https://evil.example"}',
  '], "actions": [{"type": "Action.Submit"}], "x": ["',
  'first line\nsecond line\r\n- bullet\r1. numbered',
  'emoji 😀👍🏽👨‍👩‍👧 and CJK 株式会社テスト 中文客户',
  '</script><img src=x onerror=alert(1)>',
  '`backticks` and %s %d and @{legacy}',
  'tab\tand\u2028line separator',
];

const realistic = 'Contoso Ltd';
const benign = everyCard(realistic);
const cardNames = Object.keys(benign) as CardName[];
const cardsWithButtons: CardName[] = [
  'customer',
  'customerList',
  'audit',
  'approval',
  'approvalList',
  'suspensionForm',
  'ticketForm',
  'ticketCreated',
  'ticketList',
  'ticketDetails',
  'subscriptionList',
  'provisioning',
  'provisioningWatch',
  'resetWithheld',
];

describe('every card', () => {
  it.each(cardNames)('%s parses with the official Adaptive Cards library without warnings', (name) => {
    expect(adaptiveCardProblems(benign[name])).toEqual([]);
  });

  it.each(cardNames)('%s declares version 1.5 and the Adaptive Card schema', (name) => {
    expect(benign[name]).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    });
  });

  it.each(cardNames)('%s uses only Action.Execute buttons with a verb, or links to https pages', (name) => {
    const actions = allNodes(benign[name]).filter((node) => String(node.type).startsWith('Action.'));
    for (const action of actions) {
      // A link the bot built from its configuration (the Partner Center portal), never from outside text.
      if (action.type === 'Action.OpenUrl') {
        expect(String(action.url)).toMatch(/^https:\/\/[^\s"]+$/);
        continue;
      }
      expect(action.type).toBe('Action.Execute');
      expect(action.verb).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it.each(cardNames)('%s shows outside text only in TextRuns, which are never read as Markdown', (name) => {
    const markdownSurfaces = [
      ...nodesOfType(benign[name], 'TextBlock'),
      ...nodesOfType(benign[name], 'FactSet'),
    ];
    expect(JSON.stringify(markdownSurfaces)).not.toContain(realistic);
    expect(textRuns(benign[name]).some((text) => text.includes(realistic))).toBe(true);
  });
});

describe.each(hostileValues)('every card fed the hostile value %j', (hostile) => {
  const cards = everyCard(hostile);
  const shown = neutralizeTextFunctions(hostile);

  it.each(cardNames)('%s keeps the structure it has with ordinary data', (name) => {
    expect(skeleton(cards[name])).toEqual(skeleton(benign[name]));
    expect(JSON.parse(JSON.stringify(cards[name]))).toEqual(cards[name]);
  });

  it.each(cardNames)('%s shows the value literally in a TextRun and never in a Markdown surface', (name) => {
    expect(textRuns(cards[name]).some((text) => text.includes(shown))).toBe(true);
    for (const block of nodesOfType(cards[name], 'TextBlock'))
      expect(String(block.text)).not.toContain(shown);
  });

  it.each(cardsWithButtons)('%s carries the value unchanged in button data', (name) => {
    expect(executeActions(cards[name]).length).toBeGreaterThan(0);
    for (const action of executeActions(cards[name])) {
      for (const value of Object.values(action.data)) expect([hostile, shown]).toContain(value);
    }
  });

  it.each(cardNames)('%s still parses without warnings', (name) => {
    expect(adaptiveCardProblems(cards[name])).toEqual([]);
  });
});

describe('card size', () => {
  it('stays within the Teams limit for every card', () => {
    for (const card of Object.values(benign)) expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
  });
});
