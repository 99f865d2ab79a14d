const ellipsis = '…';

/**
 * Shortens text to at most `maxCodePoints` code points (never splitting a surrogate pair), marking the cut
 * with an ellipsis. Cards clip untrusted text so that their size stays bounded whatever the data holds.
 */
export function clip(text: string, maxCodePoints: number): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= maxCodePoints) return text;
  return codePoints.slice(0, maxCodePoints - 1).join('') + ellipsis;
}

/** The longest value a row of the customer list shows, in code points. */
export const maxRowTextLength = 100;
