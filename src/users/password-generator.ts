import { randomInt } from 'node:crypto';

/**
 * Temporary passwords for a reset (pure, over `crypto` randomness): every character drawn uniformly from one
 * alphabet, redrawn until all four classes appear, so that no class and no character is favoured. The alphabet
 * leaves out characters that are easy to misread on a screen or over the phone (0 O o 1 l I |) and symbols
 * that trouble chat clients (quotes, backslash, backtick, space).
 */

export const passwordLengths = { min: 12, max: 64, default: 16 } as const;

export const passwordClasses = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  symbol: '!#$%&*+-=?@',
} as const;

export const passwordAlphabet = Object.values(passwordClasses).join('');

/** Characters never used: they look alike in common fonts. */
export const ambiguousCharacters = '0Oo1lI|';

/** A uniform random integer in [0, bound); `crypto.randomInt` unless a test supplies its own. */
export type RandomIndex = (bound: number) => number;

export function generatePassword(
  length: number = passwordLengths.default,
  randomIndex: RandomIndex = randomInt,
): string {
  if (!Number.isInteger(length) || length < passwordLengths.min || length > passwordLengths.max) {
    throw new RangeError(
      `password length must be an integer from ${passwordLengths.min} to ${passwordLengths.max}`,
    );
  }
  for (;;) {
    let password = '';
    for (let index = 0; index < length; index += 1) {
      password += passwordAlphabet[randomIndex(passwordAlphabet.length)];
    }
    if (hasEveryClass(password)) return password;
  }
}

function hasEveryClass(password: string): boolean {
  return Object.values(passwordClasses).every((members) =>
    [...password].some((character) => members.includes(character)),
  );
}

/**
 * Entra ID's password policy for cloud users: 8 to 256 characters, from at least 3 of lower case, upper case,
 * digits and symbols. Returns what is wrong, or nothing.
 */
export function entraPolicyProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < 8 || length > 256) return 'length';
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) =>
    pattern.test(password),
  );
  return classes.length < 3 ? 'classes' : undefined;
}
