import { z } from 'zod';
import type { CallContext, PartnerCenter } from '../../api/partner-center';
import { customerCard, customerListCard, messageCard } from '../../cards';
import type { CustomerIndex } from '../../customers/customer-index';
import { indexPage, LOOKUP_PAGE_SIZE } from '../../dialogs/customer-search';
import { LOOKUP_DIALOG, type LookupDialogOptions } from '../../dialogs/lookup-dialog';
import type { LookupSessions, PartnerCenterLookupSession } from '../../dialogs/lookup-sessions';
import { cardResponse, messageResponse, sendCard, textFor } from '../replies';
import { type CardActionRoute, type CommandRoute, cardAction } from '../routes';
import { callContextOf } from '../turn-info';
import { customerActionData, runDialog } from './route-helpers';

/** `lookup`, and the customer cards' buttons: select a row, refresh, show more results. */
export interface CustomerRouteServices {
  partnerCenter: PartnerCenter;
  lookupSessions: LookupSessions;
  customerIndex: CustomerIndex;
}

export function customerCommands(): CommandRoute[] {
  return [
    {
      name: 'lookup',
      argumentsKey: 'usage.lookup',
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
        const ctx = callContextOf(turn.info);
        const { query, customers, more, continuationToken } =
          session.source === 'index'
            ? {
                query: session.query,
                continuationToken: undefined,
                ...indexPage(services.customerIndex, session.query, session.shown, ctx.customerAccess?.scope),
              }
            : await nextPartnerCenterPage(services.partnerCenter, ctx, session);
        const shown = session.shown + customers.length;
        await services.lookupSessions.advance(
          turn.context,
          session.id,
          more ? { shown, continuationToken } : undefined,
        );
        const card = customerListCard({ query, customers, searchId: more ? session.id : undefined }, text);
        return { response: cardResponse(card), outcome: { details: { query, shown } } };
      },
    }),
  ];
}

async function nextPartnerCenterPage(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  session: PartnerCenterLookupSession,
) {
  const page = await partnerCenter.searchCustomers(
    ctx,
    { field: session.field, prefix: session.prefix },
    { size: LOOKUP_PAGE_SIZE, continuationToken: session.continuationToken },
  );
  return {
    query: session.prefix,
    customers: page.items,
    more: page.continuationToken !== undefined,
    continuationToken: page.continuationToken,
  };
}
