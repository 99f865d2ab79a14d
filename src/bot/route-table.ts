import { z } from 'zod';
import { AppError } from '../errors';
import type { PartnerCenter } from '../api/partner-center';
import { allows } from '../auth/roles';
import { customerCard, customerListCard, helpCard, messageCard, whoamiCard } from '../cards';
import { decodeAuditCursor, parseAuditFilters } from '../dialogs/audit-filters';
import { auditPageCard } from '../dialogs/audit-view';
import { LOOKUP_PAGE_SIZE } from '../dialogs/customer-search';
import { LOOKUP_DIALOG, type LookupDialogOptions } from '../dialogs/lookup-dialog';
import type { LookupSessions } from '../dialogs/lookup-sessions';
import type { AuditLog } from '../store/store';
import { cardResponse, messageResponse, sendCard, textFor } from './replies';
import { type ActionOutcome, type CardActionRoute, type CommandRoute, cardAction, type HandlerTurn } from './routes';
import { callContextOf } from './turn-info';

/**
 * The route table: every text command and card verb, the permission it needs, and its handler.
 * The router checks the permission from the caller's validated identity before any handler runs.
 */

export interface RouteServices {
  partnerCenter: PartnerCenter;
  audit: AuditLog;
  lookupSessions: LookupSessions;
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const customerData = z.object({ customerId: guid }).strip();

export function commandRoutes(services: RouteServices): CommandRoute[] {
  const routes: CommandRoute[] = [
    {
      name: 'help',
      usage: 'help',
      descriptionKey: 'help.command.help',
      group: 'general',
      permission: 'help',
      run: async (turn) => {
        const text = textFor(turn.info);
        const commands = routes
          .filter((route) => allows(turn.roles, route.permission))
          .map((route) => ({ command: route.usage, description: text.t(route.descriptionKey), group: route.group }));
        await sendCard(turn.context, helpCard({ commands }, text));
        return undefined;
      },
    },
    {
      name: 'whoami',
      usage: 'whoami',
      descriptionKey: 'help.command.whoami',
      group: 'general',
      permission: 'help',
      run: async (turn) => {
        const { caller } = turn.info;
        const text = textFor(turn.info);
        await sendCard(
          turn.context,
          whoamiCard(
            {
              displayName: caller.name ?? text.t('identity.unknown'),
              objectId: caller.aadObjectId ?? text.t('identity.unknown'),
              tenantId: caller.tenantId ?? text.t('identity.unknown'),
              roles: turn.roles,
            },
            text,
          ),
        );
        return undefined;
      },
    },
    {
      name: 'lookup',
      usage: 'lookup <name, domain or tenant id>',
      descriptionKey: 'help.command.lookup',
      group: 'customers',
      permission: 'customer.read',
      run: (turn, argument) => runDialog(turn, LOOKUP_DIALOG, { query: argument } satisfies LookupDialogOptions),
    },
    {
      name: 'audit',
      usage: 'audit [customer id] [agent:<id>] [action:<name>] [since:<yyyy-mm-dd>]',
      descriptionKey: 'help.command.audit',
      group: 'administration',
      permission: 'audit.read',
      run: async (turn, argument) => {
        const text = textFor(turn.info);
        const parsed = parseAuditFilters(argument);
        if ('problem' in parsed) {
          await sendCard(
            turn.context,
            messageCard({
              style: 'warning',
              title: text.t('audit.problem.title', { token: parsed.problem }),
              details: [text.t('audit.problem.usage')],
            }),
          );
          return { details: { problem: 'filter' } };
        }
        const { card, shown } = await auditPageCard(services.audit, parsed.filters, undefined, text);
        await sendCard(turn.context, card);
        return { customerId: parsed.filters.customerId, details: { shown } };
      },
    },
  ];
  return routes;
}

export function cardActionRoutes(services: RouteServices): CardActionRoute[] {
  return [
    cardAction({
      verb: 'customer.select',
      permission: 'customer.read',
      data: customerData,
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        await sendCard(turn.context, customerCard({ customer }, text));
        return {
          response: messageResponse(text.t('lookup.opened', { companyName: customer.companyProfile.companyName })),
          outcome: { customerId: customer.id },
        };
      },
    }),
    cardAction({
      verb: 'customer.refresh',
      permission: 'customer.read',
      data: customerData,
      run: async (turn, data) => {
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        return { response: cardResponse(customerCard({ customer }, textFor(turn.info))), outcome: { customerId: customer.id } };
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
            response: cardResponse(messageCard({ style: 'info', title: text.t('lookup.sessionExpired'), details: [text.t('lookup.problem.examples')] })),
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
          { query: session.prefix, customers: page.items, searchId: page.continuationToken ? session.id : undefined },
          text,
        );
        return { response: cardResponse(card), outcome: { details: { query: session.prefix, shown } } };
      },
    }),
    cardAction({
      verb: 'audit.more',
      permission: 'audit.read',
      data: z.object({ cursor: z.string().max(2048) }).strip(),
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const page = decodeAuditCursor(data.cursor);
        if (!page) throw new AppError('CARD_ACTION_INVALID', 'audit cursor rejected');
        const { card, shown } = await auditPageCard(services.audit, page.filters, page.before, text);
        return { response: cardResponse(card), outcome: { details: { shown } } };
      },
    }),
  ];
}

async function runDialog(turn: HandlerTurn, dialogId: string, options: object): Promise<ActionOutcome | undefined> {
  await turn.dialogs.cancelAllDialogs();
  const result = await turn.dialogs.beginDialog(dialogId, options);
  return result.result as ActionOutcome | undefined;
}
