import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { z } from 'zod';
import type { Permission, Role } from '../auth/roles';
import type { HelpGroup } from '../cards';
import type { StringKey } from '../i18n/strings';
import type { TurnInfo } from './turn-info';

/**
 * The route table's shape: text commands and card verbs, each with the permission it needs.
 * Authorization is data on the route, checked by the router before the handler runs.
 */

export interface HandlerTurn {
  context: TurnContext;
  info: TurnInfo;
  roles: Role[];
  /**
   * Opens the dialog context (once per turn): the conversation state behind it is read only by commands that
   * run a dialog, never by a turn that does not need it.
   */
  dialogs: DialogOpener;
}

export type DialogOpener = () => Promise<DialogContext>;

/** What a handler reports for the audit log. */
export interface ActionOutcome {
  customerId?: string;
  targetUserId?: string;
  subscriptionId?: string;
  details?: Record<string, unknown>;
  /**
   * The handler answered in the card that the action was not done (not available, invalid form, busy,
   * Partner Center refused): audited as `failed` rather than `succeeded`. Thrown errors are failures anyway.
   */
  failed?: boolean;
}

export interface CommandRoute {
  /** The command as typed, lower case; may be several words ("deleted users"). */
  name: string;
  /**
   * i18n key of what follows the name in help, e.g. "<name, domain or tenant id>" after "lookup"; none when the
   * command takes nothing. The name itself is never translated: it is what people type.
   */
  argumentsKey?: StringKey;
  /** i18n key of the one-line description shown in help. */
  descriptionKey: StringKey;
  /** Where help lists it. */
  group: HelpGroup;
  permission: Permission;
  run(turn: HandlerTurn, argument: string): Promise<ActionOutcome | undefined>;
}

export interface CardActionResult {
  response: AdaptiveCardInvokeResponse;
  outcome?: ActionOutcome;
}

export interface CardActionRoute<Data = unknown> {
  /** Dotted verb carried by the Action.Execute, e.g. "customer.select". */
  verb: string;
  permission: Permission;
  /** Schema of the action's data: card data is untrusted and checked on arrival. */
  data: z.ZodType<Data>;
  run(turn: HandlerTurn, data: Data): Promise<CardActionResult>;
}

/** Keeps the verb's data type attached to its handler when routes are collected in one list. */
export function cardAction<Data>(route: CardActionRoute<Data>): CardActionRoute<unknown> {
  return route as CardActionRoute<unknown>;
}
