import { isAppError } from '../errors';
import type { AdaptiveCard } from './render-card';

/**
 * Cards that give back what an agent typed may not fit Teams (renderCard refuses a card over the size
 * limit). Callers then leave the agent's card, and the typed text in it, as it is, instead of replacing it
 * with a shortened copy.
 */
export function isCardTooLarge(error: unknown): boolean {
  return isAppError(error) && typeof error.details.bytes === 'number';
}

/** The card, or undefined when it would be over the Teams size limit. */
export function renderIfFits(render: () => AdaptiveCard): AdaptiveCard | undefined {
  try {
    return render();
  } catch (error) {
    if (isCardTooLarge(error)) return undefined;
    throw error;
  }
}
