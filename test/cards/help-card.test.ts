import { helpCard } from '../../src/cards/help-card';
import { strings } from '../../src/i18n/strings';
import { textRuns } from './card-tree';

const text = strings('en-US');

describe('help card', () => {
  it('groups the allowed commands under their group titles, in the fixed group order', () => {
    const card = helpCard(
      {
        commands: [
          { command: 'audit', description: text.t('help.command.audit'), group: 'administration' },
          { command: 'help', description: text.t('help.command.help'), group: 'general' },
          {
            command: 'lookup <name, domain or tenant id>',
            description: text.t('help.command.lookup'),
            group: 'customers',
          },
          { command: 'whoami', description: text.t('help.command.whoami'), group: 'general' },
        ],
      },
      text,
    );
    expect(textRuns(card)).toEqual([
      'What you can do',
      'General',
      'help',
      'Show the commands you can use.',
      'whoami',
      'Show who the bot thinks you are and your roles.',
      'Customers',
      'lookup <name, domain or tenant id>',
      'Find a customer by tenant id, domain or company name (typos and any word order are fine).',
      'Administration',
      'audit',
      "Show recent entries of the bot's audit log.",
      text.t('help.hint'),
    ]);
  });

  it('shows commands in monospace', () => {
    const card = helpCard({ commands: [{ command: 'help', description: 'd', group: 'general' }] }, text);
    expect(JSON.stringify(card)).toContain('{"type":"TextRun","text":"help","fontType":"Monospace"}');
  });

  it('says so when no command is available, and still shows the hint', () => {
    expect(textRuns(helpCard({ commands: [] }, text))).toEqual([
      'What you can do',
      'No commands are available to you yet.',
      text.t('help.hint'),
    ]);
  });
});
