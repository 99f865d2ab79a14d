// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests are about literal `${…}` in data.
import { welcomeCard } from '../../src/cards/welcome-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { allNodes, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const commands = [
  { command: 'help', description: text.t('help.command.help'), group: 'general' as const },
  {
    command: 'lookup <name, domain or tenant id>',
    description: text.t('help.command.lookup'),
    group: 'customers' as const,
  },
];

describe('welcome card', () => {
  it('greets the installer, lists what their roles allow by group, and says how to use the bot', () => {
    const card = welcomeCard({ name: 'Isaiah Langer', commands, scope: 'personal' }, text);
    expect(textRuns(card)).toEqual([
      'Welcome to Partner Helpdesk',
      text.t('welcome.greeting', { name: 'Isaiah Langer' }),
      'What you can do:',
      'General',
      'help',
      text.t('help.command.help'),
      'Customers',
      'lookup <name, domain or tenant id>',
      text.t('help.command.lookup'),
      text.t('welcome.personal'),
      text.t('welcome.search'),
    ]);
  });

  it('tells a group chat or team to @mention the bot', () => {
    const runs = textRuns(welcomeCard({ name: 'Megan Bowen', commands, scope: 'shared' }, text));
    expect(runs).toContain(text.t('welcome.mention'));
    expect(runs).not.toContain(text.t('welcome.personal'));
  });

  it('parses with the official Adaptive Cards library, version 1.5, with no buttons', () => {
    const card = welcomeCard({ name: 'Alex Wilber', commands, scope: 'personal' }, text);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(allNodes(card).filter((node) => String(node.type).startsWith('Action.'))).toEqual([]);
  });

  it.each([
    '${name} ${$root.title}',
    '[click here](https://evil.example) **bold**',
    '</script><img src=x onerror=alert(1)>',
    '{"type":"Action.OpenUrl","url":"https://evil.example"}',
    '😀 株式会社テスト',
  ])('shows a hostile user name %j literally, only in a TextRun', (name) => {
    const card = welcomeCard({ name, commands, scope: 'personal' }, text);
    expect(textRuns(card)).toContain(text.t('welcome.greeting', { name }));
    expect(JSON.stringify(nodesOfType(card, 'TextBlock'))).not.toContain(name);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
