import { passwordProblem } from '../../../src/simulator/domain/password-policy';

describe('the simulated password policy', () => {
  it.each(['Renew456*', '5Cdxk5P_', 'abCD123*', 'Passwörd12', 'correct horse Battery'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );

  it.each([
    ['shorter than 8 characters', 'Ab1*xyz'],
    ['longer than 256 characters', `Ab1*${'x'.repeat(253)}`],
    ['only lower case and digits', 'abcdefg123'],
    ['only upper case and symbols', 'ABCDEFG!!!'],
    ['only letters', 'abcdEFGHij'],
  ])('refuses a password %s, without repeating it', (_, password) => {
    const problem = passwordProblem(password);
    expect(problem).toBeDefined();
    expect(problem).not.toContain(password);
  });
});
