import { z } from 'zod';
import type { ActionOutcome, HandlerTurn } from '../routes';

/** Pieces shared by the feature route modules. */

export const guidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** Data of the customer card buttons: only the customer id, checked on arrival. */
export const customerActionData = z.object({ customerId: guidSchema }).strip();

/** Starts a dialog fresh (single-turn commands cancel whatever was pending) and returns its audit outcome. */
export async function runDialog(
  turn: HandlerTurn,
  dialogId: string,
  options: object,
): Promise<ActionOutcome | undefined> {
  const dialogs = await turn.dialogs();
  await dialogs.cancelAllDialogs();
  const result = await dialogs.beginDialog(dialogId, options);
  return result.result as ActionOutcome | undefined;
}
