import { z } from 'zod';
import { messageCard } from '../../cards';
import { resolveCustomer } from '../../dialogs/customer-target';
import {
  type ProvisioningServices,
  provisioningDetails,
  startWatch,
  subscriptionsOfCustomer,
} from '../../dialogs/subscription-views';
import { isAppError } from '../../errors';
import { cardResponse, messageResponse, sendCard, textFor } from '../replies';
import { type CardActionRoute, type CommandRoute, cardAction, type HandlerTurn } from '../routes';
import { callContextOf } from '../turn-info';
import { customerActionData, guidSchema } from './route-helpers';

/**
 * Subscriptions and their provisioning status (reference C1, C2, C4): `subscriptions <customer>`,
 * `provisioning <customer> <subscription id>`, the customer card's Subscriptions button, and the buttons of
 * a subscription (details, refresh, "Notify me when ready"). Every role that reads subscriptions may watch one.
 */

/**
 * The data of every subscription button: only the customer and the subscription (both GUIDs). Buttons added
 * to a subscription row later (e.g. `subscription.suspend`) carry the same shape.
 */
export const subscriptionActionData = z
  .object({ customerId: guidSchema, subscriptionId: guidSchema })
  .strip();

const guidAtEnd = /\s+\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** `<customer> <subscription id>`: the subscription id is the last word; the customer is everything before. */
export function parseProvisioningArgument(
  argument: string,
): { customer: string; subscriptionId: string } | undefined {
  const match = guidAtEnd.exec(argument.trim());
  if (!match || match.index === 0) return undefined;
  return { customer: argument.trim().slice(0, match.index).trim(), subscriptionId: match[1] as string };
}

export function subscriptionCommands(services: ProvisioningServices): CommandRoute[] {
  return [
    {
      name: 'subscriptions',
      argumentsKey: 'usage.subscriptions',
      descriptionKey: 'help.command.subscriptions',
      group: 'subscriptions',
      permission: 'subscription.read',
      run: async (turn, argument) => {
        const target = await resolveCustomer(turn, services.partnerCenter, argument, 'subscriptions contoso');
        if (target.kind === 'answered') return target.outcome;
        const { card, counts } = await subscriptionsOfCustomer(turn, services, target.customer);
        await sendCard(turn.context, card);
        return { customerId: target.customer.id, details: counts };
      },
    },
    {
      name: 'provisioning',
      argumentsKey: 'usage.provisioning',
      descriptionKey: 'help.command.provisioning',
      group: 'subscriptions',
      permission: 'subscription.read',
      run: async (turn, argument) => {
        const text = textFor(turn.info);
        const example = 'provisioning contoso190 7d44a913-fd7d-40e8-bf16-ba4456f1f8ff';
        const parsed = parseProvisioningArgument(argument);
        if (!parsed) {
          await sendCard(
            turn.context,
            messageCard({ style: 'info', title: text.t('provisioning.problem.usage', { example }) }),
          );
          return { details: { problem: 'usage' } };
        }
        const target = await resolveCustomer(turn, services.partnerCenter, parsed.customer, example);
        if (target.kind === 'answered') return target.outcome;
        const { customer } = target;
        try {
          const subscription = await services.partnerCenter.getSubscription(
            callContextOf(turn.info),
            customer.id,
            parsed.subscriptionId,
          );
          const { card, status } = await provisioningDetails(turn, services, customer, subscription);
          await sendCard(turn.context, card);
          return { customerId: customer.id, subscriptionId: subscription.id, details: { status } };
        } catch (error) {
          if (!isAppError(error) || error.code !== 'PC_NOT_FOUND') throw error;
          await sendCard(
            turn.context,
            messageCard({
              style: 'info',
              title: text.t('provisioning.problem.notFound', {
                companyName: customer.companyProfile.companyName,
                subscriptionId: parsed.subscriptionId,
              }),
              text: text.t('provisioning.problem.notFound.text'),
            }),
          );
          return {
            customerId: customer.id,
            details: { subscriptionId: parsed.subscriptionId, found: false },
          };
        }
      },
    },
  ];
}

export function subscriptionCardActions(services: ProvisioningServices): CardActionRoute[] {
  const details = async (turn: HandlerTurn, data: z.infer<typeof subscriptionActionData>) => {
    const ctx = callContextOf(turn.info);
    const customer = await services.partnerCenter.getCustomer(ctx, data.customerId);
    const subscription = await services.partnerCenter.getSubscription(
      ctx,
      data.customerId,
      data.subscriptionId,
    );
    const shown = await provisioningDetails(turn, services, customer, subscription);
    return {
      card: shown.card,
      outcome: {
        customerId: customer.id,
        subscriptionId: subscription.id,
        details: { status: shown.status },
      },
    };
  };
  return [
    cardAction({
      verb: 'customer.subscriptions',
      permission: 'subscription.read',
      data: customerActionData,
      run: async (turn, data) => {
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        const { card, counts } = await subscriptionsOfCustomer(turn, services, customer);
        await sendCard(turn.context, card);
        return {
          response: messageResponse(
            textFor(turn.info).t('subscriptions.opened', {
              companyName: customer.companyProfile.companyName,
            }),
          ),
          outcome: { customerId: customer.id, details: counts },
        };
      },
    }),
    cardAction({
      verb: 'subscription.provisioning',
      permission: 'subscription.read',
      data: subscriptionActionData,
      run: async (turn, data) => {
        const { card, outcome } = await details(turn, data);
        await sendCard(turn.context, card);
        return { response: messageResponse(textFor(turn.info).t('provisioning.opened')), outcome };
      },
    }),
    cardAction({
      verb: 'provisioning.refresh',
      permission: 'subscription.read',
      data: subscriptionActionData,
      run: async (turn, data) => {
        const { card, outcome } = await details(turn, data);
        return { response: cardResponse(card), outcome };
      },
    }),
    cardAction({
      verb: 'provisioning.watch',
      permission: 'subscription.read',
      data: subscriptionActionData,
      run: (turn, data) => startWatch(turn, services, data),
    }),
  ];
}
