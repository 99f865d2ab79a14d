import { z } from 'zod';
import type { PartnerCenter } from '../../api/partner-center';
import { customerCard, customerListCard, messageCard } from '../../cards';
import { LOOKUP_PAGE_SIZE } from '../../dialogs/customer-search';
import { LOOKUP_DIALOG, type LookupDialogOptions } from '../../dialogs/lookup-dialog';
import type { LookupSessions } from '../../dialogs/lookup-sessions';
import { cardResponse, messageResponse, sendCard, textFor } from '../replies';
import { type CardActionRoute, type CommandRoute, cardAction } from '../routes';
import { callContextOf } from '../turn-info';
import { customerActionData, runDialog } from './route-helpers';

/** `lookup`, and the customer cards' buttons: select a row, refresh, show more results. */
export interface CustomerRouteServices {
  partnerCenter: PartnerCenter;
  lookupSessions: LookupSessions;
}

export function customerCommands(): CommandRoute[] {
  return [
    {
      name: 'lookup',
      usage: 'lookup <name, domain or tenant id>',
      descriptionKey: 'help.command.lookup',
      group: 'customers',
      permission: 'customer.read',
      run: (turn, argument) =>
        runDialog(turn, LOOKUP_DIALOG, { query: argument } satisfies LookupDialogOptions),
    },
  ];
}

export function customerCardActions(services: CustomerRouteServices): CardActionRoute[] {
  return [
    cardAction({
      verb: 'customer.select',
      permission: 'customer.read',
      data: customerActionData,
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        await sendCard(turn.context, customerCard({ customer }, text));
        return {
          response: messageResponse(
            text.t('lookup.opened', { companyName: customer.companyProfile.companyName }),
          ),
          outcome: { customerId: customer.id },
        };
      },
    }),
    cardAction({
      verb: 'customer.refresh',
      permission: 'customer.read',
      data: customerActionData,
      run: async (turn, data) => {
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        return {
          response: cardResponse(customerCard({ customer }, textFor(turn.info))),
          outcome: { customerId: customer.id },
        };
      },
    }),
    cardAction({
      verb: 'lookup.more',
      permission: 'customer.read',
      data: z.object({ searchId: z.uuid() }).strip(),
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const session = await services.lookupSessions.find(turn.context, data.searchId);
        if (!session) {
          return {
            response: cardResponse(
              messageCard({
                style: 'info',
                title: text.t('lookup.sessionExpired'),
                details: [text.t('lookup.problem.examples')],
              }),
            ),
            outcome: { details: { expired: true } },
          };
        }
        const page = await services.partnerCenter.searchCustomers(
          callContextOf(turn.info),
          { field: session.field, prefix: session.prefix },
          { size: LOOKUP_PAGE_SIZE, continuationToken: session.continuationToken },
        );
        const shown = session.shown + page.items.length;
        await services.lookupSessions.advance(turn.context, session.id, page.continuationToken, shown);
        const card = customerListCard(
          {
            query: session.prefix,
            customers: page.items,
            searchId: page.continuationToken ? session.id : undefined,
          },
          text,
        );
        return { response: cardResponse(card), outcome: { details: { query: session.prefix, shown } } };
      },
    }),
  ];
}
