import type { AdaptiveCardInvokeResponse } from 'botbuilder';

/**
 * Some invoke answers are for the clicker's eyes only (a temporary password): Teams shows an invoke answer
 * to the clicker alone and does not keep it in the chat. When such an answer comes after the invoke was
 * already acknowledged (src/bot/invoke-deadline.ts), it could only be delivered as a card update, which the
 * chat keeps; its handler therefore names what to deliver instead.
 */
const substitutes = new WeakMap<AdaptiveCardInvokeResponse, () => AdaptiveCardInvokeResponse>();

/** Marks `response` as private; `whenLate` builds what a late delivery sends in its place. */
export function privateAnswer(
  response: AdaptiveCardInvokeResponse,
  whenLate: () => AdaptiveCardInvokeResponse,
): AdaptiveCardInvokeResponse {
  substitutes.set(response, whenLate);
  return response;
}

/** What may be delivered late for `response`: its substitute when it is private, else itself. */
export function lateFormOf(response: AdaptiveCardInvokeResponse): AdaptiveCardInvokeResponse {
  return substitutes.get(response)?.() ?? response;
}
