/**
 * The simulator's stand-in for the Azure AD password policy (reference B6, inferred): 8 to 256
 * characters from at least 3 of the classes lower case, upper case, digit and symbol.
 * The answer never contains the password itself.
 */
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 256;
const MIN_CHARACTER_CLASSES = 3;

export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `the password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) =>
    pattern.test(password),
  );
  if (classes.length < MIN_CHARACTER_CLASSES) {
    return `the password must mix at least ${MIN_CHARACTER_CLASSES} of lower case, upper case, digits and symbols`;
  }
  return undefined;
}
