import { editDistance, normalizeCommandText, parseCommand, suggestCommand } from '../../src/bot/command-text';

const commands = ['help', 'whoami', 'lookup', 'users', 'deleted users', 'audit'];

describe('command text', () => {
  it('removes @mentions of the bot, non-breaking spaces and extra white space', () => {
    expect(normalizeCommandText('<at>Helpdesk Bot</at>&nbsp; lookup   contoso \n')).toBe('lookup contoso');
    expect(normalizeCommandText(undefined)).toBe('');
  });

  it('matches commands case-insensitively and keeps the argument as typed', () => {
    expect(parseCommand('LookUp Wolfram & Hart', commands)).toEqual({
      name: 'lookup',
      argument: 'Wolfram & Hart',
    });
    expect(parseCommand('help', commands)).toEqual({ name: 'help', argument: '' });
  });

  it('prefers the longest command, so "deleted users" is not read as "deleted" or "users"', () => {
    expect(parseCommand('deleted users contoso', commands)).toEqual({
      name: 'deleted users',
      argument: 'contoso',
    });
  });

  it('does not match a command that is only the start of a word', () => {
    expect(parseCommand('helpme', commands)).toBeUndefined();
    expect(parseCommand('lookups contoso', commands)).toBeUndefined();
  });

  it('suggests the nearest command for a typo, and nothing for unrelated text', () => {
    expect(suggestCommand('lokup contoso', commands)).toBe('lookup');
    expect(suggestCommand('hepl', commands)).toBe('help');
    expect(suggestCommand('whomai', commands)).toBe('whoami');
    expect(suggestCommand('order pizza', commands)).toBeUndefined();
    expect(suggestCommand('', commands)).toBeUndefined();
  });

  it('computes edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
