import { type MessageStyle, messageCard } from '../../src/cards/message-card';
import { strings } from '../../src/i18n/strings';
import { nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');

describe('message card', () => {
  it.each<[MessageStyle, string]>([
    ['info', 'accent'],
    ['warning', 'warning'],
    ['error', 'attention'],
  ])('shows a %s message in a %s container', (style, containerStyle) => {
    const card = messageCard({ style, title: 'Title' });
    expect(nodesOfType(card, 'Container').map((container) => container.style)).toEqual([containerStyle]);
  });

  it('shows the title, the optional text and each detail line', () => {
    const card = messageCard({
      style: 'warning',
      title: text.t('unknownCommand.title', { text: 'lokup' }),
      text: text.t('unknownCommand.suggestion', { command: 'lookup' }),
      details: ['one', 'two'],
    });
    expect(textRuns(card)).toEqual([
      'I do not know the command “lokup”',
      'Did you mean “lookup”?',
      'one',
      'two',
    ]);
  });

  it('shows only the title when there is nothing else', () => {
    const card = messageCard({ style: 'info', title: text.t('lookup.problem.empty') });
    expect(textRuns(card)).toEqual(['What should I look up?']);
  });
});
