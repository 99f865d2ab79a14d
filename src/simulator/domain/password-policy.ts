/**
 * The simulator's stand-in for the Azure AD password policy (reference B6, inferred): at least 8
 * characters from at least 3 of the classes lower case, upper case, digit and symbol.
 * The answer never contains the password itself.
 */
const MIN_PASSWORD_LENGTH = 8;
const MIN_CHARACTER_CLASSES = 3;

export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) =>
    pattern.test(password),
  );
  if (classes.length < MIN_CHARACTER_CLASSES) {
    return `the password must mix at least ${MIN_CHARACTER_CLASSES} of lower case, upper case, digits and symbols`;
  }
  return undefined;
}
