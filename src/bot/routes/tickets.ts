import { z } from 'zod';
import { messageCard, supportTopicsCard } from '../../cards';
import { resolveCustomer } from '../../dialogs/customer-target';
import { newTicketCard, submitTicket, type TicketServices } from '../../dialogs/ticket-form-flow';
import { auditCustomerRefusal, isCustomerScoped } from '../../dialogs/ticket-scope';
import {
  addNote,
  closeTicket,
  openTicket,
  refreshTicket,
  ticketCard,
  ticketsOfCustomer,
} from '../../dialogs/ticket-views';
import { isAppError } from '../../errors';
import { messageResponse, sendCard, textFor } from '../replies';
import { type CardActionRoute, type CommandRoute, cardAction } from '../routes';
import { callContextOf } from '../turn-info';
import { customerActionData, guidSchema } from './route-helpers';

/**
 * Service requests with Microsoft (reference §7 D2-D6): `topics`, `new ticket <customer>`, `tickets
 * <customer>`, `ticket <id>`, and the buttons of their cards. Viewers read; agents and above create and
 * update. Every command and button is authorized and audited by the router. A caller whose role covers only
 * some customers opens requests from a customer's list, never by a typed id (ticket-scope.ts).
 */

/** The id form the client accepts (Partner Center's examples are 15 digits). */
const serviceRequestIdSchema = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);
/** Card inputs arrive as text; their limits are checked by the form's validation, which keeps the text. */
const typed = z.string().max(100_000).optional();

const ticketFormData = z
  .object({
    draftId: z.uuid(),
    customerId: guidSchema,
    topicId: typed,
    title: typed,
    description: typed,
    severity: typed,
    contactName: typed,
    contactEmail: typed,
    contactPhone: typed,
  })
  .strip();

/** An id a card leaves empty (`''`) when it has none: absent. */
const optionalId = (id: z.ZodType<string>) =>
  z
    .union([id, z.literal('')])
    .optional()
    .transform((value) => value || undefined);

const serviceRequestData = z
  .object({
    serviceRequestId: serviceRequestIdSchema,
    customerId: optionalId(guidSchema),
    draftId: optionalId(z.uuid()),
    note: typed,
  })
  .strip();
const noteData = serviceRequestData.extend({ submissionId: z.uuid() }).strip();

export function ticketCommands(services: TicketServices): CommandRoute[] {
  return [
    {
      name: 'topics',
      descriptionKey: 'help.command.topics',
      group: 'support',
      permission: 'ticket.read',
      run: async (turn) => {
        const text = textFor(turn.info);
        try {
          const topics = await services.topics.topics(callContextOf(turn.info));
          await sendCard(turn.context, supportTopicsCard({ topics }, text));
          return { details: { topics: topics.length } };
        } catch (error) {
          if (!isAppError(error) || error.code !== 'PC_NOT_AVAILABLE') throw error;
          await sendCard(
            turn.context,
            messageCard({
              style: 'warning',
              title: text.t('topics.notAvailable'),
              text: text.t('topics.notAvailable.text'),
            }),
          );
          return { details: { result: 'notAvailable' }, failed: true };
        }
      },
    },
    {
      name: 'new ticket',
      argumentsKey: 'usage.newTicket',
      descriptionKey: 'help.command.newTicket',
      group: 'support',
      permission: 'ticket.write',
      run: async (turn, argument) => {
        const target = await resolveCustomer(turn, services.partnerCenter, argument, 'new ticket contoso');
        if (target.kind === 'answered') return target.outcome;
        const { card, outcome } = await newTicketCard(turn, services, target.customer);
        await sendCard(turn.context, card);
        return outcome;
      },
    },
    {
      name: 'tickets',
      argumentsKey: 'usage.tickets',
      descriptionKey: 'help.command.tickets',
      group: 'support',
      permission: 'ticket.read',
      run: async (turn, argument) => {
        const target = await resolveCustomer(turn, services.partnerCenter, argument, 'tickets contoso');
        if (target.kind === 'answered') return target.outcome;
        const { customer } = target;
        const { card, shown } = await ticketsOfCustomer(turn, services, {
          id: customer.id,
          companyName: customer.companyProfile.companyName,
        });
        await sendCard(turn.context, card);
        return { customerId: customer.id, details: { requests: shown } };
      },
    },
    {
      name: 'ticket',
      argumentsKey: 'usage.ticket',
      descriptionKey: 'help.command.ticket',
      group: 'support',
      permission: 'ticket.read',
      run: async (turn, argument) => {
        const text = textFor(turn.info);
        const id = argument.trim();
        if (!serviceRequestIdSchema.safeParse(id).success) {
          await sendCard(
            turn.context,
            messageCard({
              style: 'warning',
              title: text.t('ticket.problem.id', { id: id.slice(0, 64) }),
              text: text.t('ticket.problem.id.text'),
            }),
          );
          return { details: { problem: 'id' } };
        }
        if (isCustomerScoped(turn)) {
          // The id names no customer: a scoped role opens requests from a customer's list.
          await auditCustomerRefusal(turn, services, {
            serviceRequestId: id,
            operation: 'getServiceRequest',
          });
          await sendCard(
            turn.context,
            messageCard({
              style: 'info',
              title: text.t('ticket.scoped.title'),
              text: text.t('ticket.scoped.text', { id }),
            }),
          );
          return { details: { serviceRequestId: id, result: 'customerScoped' }, failed: true };
        }
        try {
          const request = await services.partnerCenter.getServiceRequest(callContextOf(turn.info), id);
          await sendCard(turn.context, await ticketCard(turn, services, request));
          return { details: { serviceRequestId: request.id } };
        } catch (error) {
          if (!isAppError(error) || error.code !== 'PC_NOT_FOUND') throw error;
          await sendCard(
            turn.context,
            messageCard({
              style: 'info',
              title: text.t('ticket.problem.notFound', { id }),
              text: text.t('ticket.problem.notFound.text'),
            }),
          );
          return { details: { serviceRequestId: id, found: false } };
        }
      },
    },
  ];
}

export function ticketCardActions(services: TicketServices): CardActionRoute[] {
  return [
    cardAction({
      verb: 'customer.tickets',
      permission: 'ticket.read',
      data: customerActionData,
      run: async (turn, data) => {
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        const companyName = customer.companyProfile.companyName;
        const { card, shown } = await ticketsOfCustomer(turn, services, { id: customer.id, companyName });
        await sendCard(turn.context, card);
        return {
          response: messageResponse(textFor(turn.info).t('tickets.opened', { companyName })),
          outcome: { customerId: customer.id, details: { requests: shown } },
        };
      },
    }),
    cardAction({
      verb: 'customer.newTicket',
      permission: 'ticket.write',
      data: customerActionData,
      run: async (turn, data) => {
        const customer = await services.partnerCenter.getCustomer(callContextOf(turn.info), data.customerId);
        const { card, outcome } = await newTicketCard(turn, services, customer);
        await sendCard(turn.context, card);
        return {
          response: messageResponse(
            textFor(turn.info).t('ticket.form.opened', { companyName: customer.companyProfile.companyName }),
          ),
          outcome,
        };
      },
    }),
    cardAction({
      verb: 'ticket.create',
      permission: 'ticket.write',
      data: ticketFormData,
      run: (turn, data) => submitTicket(turn, services, data),
    }),
    cardAction({
      verb: 'ticket.open',
      permission: 'ticket.read',
      data: serviceRequestData,
      run: async (turn, data) => {
        const { card, serviceRequestId } = await openTicket(turn, services, data);
        await sendCard(turn.context, card);
        return {
          response: messageResponse(textFor(turn.info).t('ticket.opened', { id: serviceRequestId })),
          outcome: { details: { serviceRequestId } },
        };
      },
    }),
    cardAction({
      verb: 'ticket.refresh',
      permission: 'ticket.read',
      data: serviceRequestData,
      run: (turn, data) => refreshTicket(turn, services, data),
    }),
    cardAction({
      verb: 'ticket.addNote',
      permission: 'ticket.write',
      data: noteData,
      run: (turn, data) => addNote(turn, services, data),
    }),
    cardAction({
      verb: 'ticket.close',
      permission: 'ticket.write',
      data: serviceRequestData,
      run: (turn, data) => closeTicket(turn, services, data),
    }),
  ];
}
