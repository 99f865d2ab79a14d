import {
  ambiguousCharacters,
  entraPolicyProblem,
  generatePassword,
  passwordAlphabet,
  passwordClasses,
  passwordLengths,
} from '../../src/users/password-generator';

const SAMPLES = 10_000;

/** Wilson–Hilferty: the chi-square value a uniform draw exceeds with probability about one in a million. */
function chiSquareCritical(degrees: number): number {
  const z = 4.75;
  const term = 2 / (9 * degrees);
  return degrees * (1 - term + z * Math.sqrt(term)) ** 3;
}
const samples = Array.from({ length: SAMPLES }, () => generatePassword());

describe('the password generator', () => {
  it(`makes ${SAMPLES} passwords of 16 characters that all meet the policy`, () => {
    for (const password of samples) {
      expect(password).toHaveLength(16);
      expect(entraPolicyProblem(password)).toBeUndefined();
      for (const members of Object.values(passwordClasses)) {
        expect([...password].some((character) => members.includes(character))).toBe(true);
      }
    }
  });

  it('never uses an ambiguous character or one outside its alphabet', () => {
    const used = new Set(samples.join(''));
    for (const character of ambiguousCharacters) expect(used.has(character)).toBe(false);
    for (const character of used) expect(passwordAlphabet).toContain(character);
    expect(used.size).toBe(passwordAlphabet.length);
  });

  it('draws the characters of each class equally often (no skew within a class)', () => {
    const counts = new Map<string, number>();
    for (const character of samples.join('')) counts.set(character, (counts.get(character) ?? 0) + 1);
    for (const members of Object.values(passwordClasses)) {
      const observed = [...members].map((character) => counts.get(character) ?? 0);
      const expected = observed.reduce((sum, count) => sum + count, 0) / members.length;
      const chiSquare = observed.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(chiSquareCritical(members.length - 1));
    }
  });

  it('keeps every class near its share of the alphabet', () => {
    // Redrawing passwords that miss a class favours the small classes (digits, symbols) slightly: about 16%.
    const all = samples.join('');
    for (const members of Object.values(passwordClasses)) {
      const share = [...all].filter((character) => members.includes(character)).length / all.length;
      const uniform = members.length / passwordAlphabet.length;
      expect(Math.abs(share - uniform) / uniform).toBeLessThan(0.25);
    }
  });

  it('puts every class at every position', () => {
    for (let position = 0; position < 16; position += 1) {
      const atPosition = new Set(samples.map((password) => password[position]));
      for (const members of Object.values(passwordClasses)) {
        expect([...members].some((character) => atPosition.has(character))).toBe(true);
      }
    }
  });

  it('makes distinct passwords', () => {
    expect(new Set(samples).size).toBe(SAMPLES);
  });

  it.each([12, 13, 32, 64])('honours a configured length of %i', (length) => {
    const password = generatePassword(length);
    expect(password).toHaveLength(length);
    expect(entraPolicyProblem(password)).toBeUndefined();
  });

  it.each([11, 65, 0, 16.5, Number.NaN])('refuses a length of %p', (length) => {
    expect(() => generatePassword(length)).toThrow(RangeError);
  });

  it('redraws until every class is present, using only the random source it is given', () => {
    let call = 0;
    // First 12 draws: all 'a' (one class only), then strides of 7 through the alphabet.
    const source = (bound: number) => (call++ < 12 ? 0 : (call * 7) % bound);
    const password = generatePassword(passwordLengths.min, source);
    expect(password).not.toBe('a'.repeat(12));
    expect(entraPolicyProblem(password)).toBeUndefined();
  });
});

describe("Entra ID's password policy", () => {
  it.each([
    ['Renew456*', undefined],
    ['abCD123*', undefined],
    ['abcDEF12', undefined],
    ['short1A', 'length'],
    ['a'.repeat(200) + 'B1!'.repeat(20), 'length'],
    ['alllowercase1', 'classes'],
    ['ALLUPPER!!!!', 'classes'],
  ])('%s → %s', (password, problem) => {
    expect(entraPolicyProblem(password)).toBe(problem);
  });
});
