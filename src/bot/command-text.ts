/**
 * Turning a chat message into a command: pure functions, no botbuilder.
 */

/** Removes `<at>…</at>` mentions (Teams channels and group chats), collapses white space, trims. */
export function normalizeCommandText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ParsedCommand {
  /** The command word(s) as typed, lower-cased. */
  name: string;
  /** Everything after the command, original casing, trimmed. */
  argument: string;
}

/**
 * Matches the longest known command name at the start of the text (case-insensitive),
 * so that multi-word commands ("deleted users") win over their prefixes ("users").
 */
export function parseCommand(text: string, commandNames: readonly string[]): ParsedCommand | undefined {
  const lower = text.toLowerCase();
  const byLength = [...commandNames].sort((a, b) => b.length - a.length);
  for (const name of byLength) {
    if (lower === name || lower.startsWith(`${name} `)) {
      return { name, argument: text.slice(name.length).trim() };
    }
  }
  return undefined;
}

/** The known command closest to what was typed, if it is close enough to be a plausible typo. */
export function suggestCommand(text: string, commandNames: readonly string[]): string | undefined {
  const typed = text.toLowerCase().split(' ')[0] ?? '';
  if (typed === '') return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of commandNames) {
    const firstWord = name.split(' ')[0] ?? name;
    const distance = editDistance(typed, firstWord);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  const tolerance = Math.max(1, Math.floor(best.name.length / 3));
  return best.distance <= tolerance ? best.name : undefined;
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours ("hepl" → "help" is 1). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = distance;
    }
  }
  return at(a.length, b.length);
}
