import type { ServiceRequest } from '../api/models';
import { allows } from '../auth/roles';
import { cardResponse, messageResponse, textFor } from '../bot/replies';
import type { CardActionResult, HandlerTurn } from '../bot/routes';
import { callContextOf } from '../bot/turn-info';
import {
  type AdaptiveCard,
  maxNoteLength,
  type ServiceRequestActionData,
  type TicketDetailsCardData,
  type TicketOrigin,
  ticketDetailsCard,
  ticketListCard,
} from '../cards';
import { isCardTooLarge } from '../cards/card-fit';
import { isAppError } from '../errors';
import { errorText } from '../i18n/strings';
import { newestFirst } from '../tickets/service-requests';
import type { TicketServices } from './ticket-form-flow';
import { requireTicketInScope } from './ticket-scope';

/**
 * Reading and updating service requests: a customer's list (newest first), one request's card, and its
 * "Add note" (made at most once per note box) and "Close" buttons (reference D4-D6). A note typed into the
 * card is kept whenever the card is shown again. Every button checks first that a customer-scoped caller may
 * act on the request (ticket-scope.ts); the card carries where it was reached from for that.
 */

export async function ticketsOfCustomer(
  turn: HandlerTurn,
  services: TicketServices,
  customer: { id: string; companyName: string },
): Promise<{ card: AdaptiveCard; shown: number }> {
  const requests = await services.partnerCenter.listServiceRequests(callContextOf(turn.info), customer.id);
  const card = ticketListCard(
    {
      customerId: customer.id,
      companyName: customer.companyName,
      requests: newestFirst(requests),
      canCreate: allows(turn.roles, 'ticket.write'),
    },
    textFor(turn.info),
  );
  return { card, shown: requests.length };
}

type CardExtra = Pick<TicketDetailsCardData, 'banner' | 'note' | 'origin'>;

/** The card of one request; for agents with a fresh note box. */
export async function ticketCard(
  turn: HandlerTurn,
  services: TicketServices,
  request: ServiceRequest,
  extra: CardExtra = {},
): Promise<AdaptiveCard> {
  const noteSubmissionId = allows(turn.roles, 'ticket.write')
    ? await services.notes.open({ serviceRequestId: request.id })
    : undefined;
  return ticketDetailsCard({ request, noteSubmissionId, ...extra }, textFor(turn.info));
}

/** The card again, keeping what the note box held; a card that cannot hold it is left as it is. */
async function cardKeepingNote(
  turn: HandlerTurn,
  services: TicketServices,
  request: ServiceRequest,
  extra: CardExtra,
): Promise<CardActionResult['response']> {
  try {
    return cardResponse(await ticketCard(turn, services, request, extra));
  } catch (error) {
    if (!isCardTooLarge(error)) throw error;
    return messageResponse(
      [extra.banner?.text, extra.note?.error, textFor(turn.info).t('ticket.keptAsIs')]
        .filter((line) => line !== undefined)
        .join(' '),
    );
  }
}

function typedNote(data: ServiceRequestActionData): { value: string } | undefined {
  return data.note && data.note.trim() !== '' ? { value: data.note } : undefined;
}

/** Where the clicked card was reached from, for the card that replaces it. */
function originOf(data: ServiceRequestActionData): TicketOrigin | undefined {
  return data.customerId ? { customerId: data.customerId, draftId: data.draftId } : undefined;
}

/** `ticket.open`: the request's card, as a new message. */
export async function openTicket(
  turn: HandlerTurn,
  services: TicketServices,
  data: ServiceRequestActionData,
): Promise<{ card: AdaptiveCard; serviceRequestId: string }> {
  await requireTicketInScope(turn, services, data, 'getServiceRequest');
  const request = await services.partnerCenter.getServiceRequest(
    callContextOf(turn.info),
    data.serviceRequestId,
  );
  return {
    card: await ticketCard(turn, services, request, { origin: originOf(data) }),
    serviceRequestId: request.id,
  };
}

/** `ticket.refresh`: the card again, the typed note kept. */
export async function refreshTicket(
  turn: HandlerTurn,
  services: TicketServices,
  data: ServiceRequestActionData,
): Promise<CardActionResult> {
  await requireTicketInScope(turn, services, data, 'getServiceRequest');
  const request = await services.partnerCenter.getServiceRequest(
    callContextOf(turn.info),
    data.serviceRequestId,
  );
  return {
    response: await cardKeepingNote(turn, services, request, {
      note: typedNote(data),
      origin: originOf(data),
    }),
    outcome: { details: { serviceRequestId: request.id } },
  };
}

/** `ticket.addNote`: the note once, or the card again saying what is wrong with the note. */
export async function addNote(
  turn: HandlerTurn,
  services: TicketServices,
  data: ServiceRequestActionData,
): Promise<CardActionResult> {
  await requireTicketInScope(turn, services, data, 'updateServiceRequest');
  const text = textFor(turn.info);
  const ctx = callContextOf(turn.info);
  const origin = originOf(data);
  const note = data.note ?? '';
  const details = { serviceRequestId: data.serviceRequestId };
  const problem =
    note.trim() === ''
      ? text.t('ticket.note.empty')
      : note.length > maxNoteLength
        ? text.t('ticket.note.tooLong', { max: maxNoteLength, length: note.length })
        : undefined;
  if (problem) {
    const request = await services.partnerCenter.getServiceRequest(ctx, data.serviceRequestId);
    return {
      response: await cardKeepingNote(turn, services, request, {
        note: { value: note, error: problem },
        origin,
      }),
      outcome: { details: { ...details, result: 'invalid' }, failed: true },
    };
  }

  const submissionId = data.submissionId ?? '';
  const claim = await services.notes.claim(submissionId);
  const forThisRequest = claim.kind !== 'unknown' && claim.facts.serviceRequestId === data.serviceRequestId;
  if (!forThisRequest || claim.kind === 'done') {
    // Already added (a repeated click), or a note box that is not this request's: show the request as it is.
    const request = await services.partnerCenter.getServiceRequest(ctx, data.serviceRequestId);
    const banner =
      claim.kind === 'done' && forThisRequest
        ? { style: 'accent' as const, text: text.t('ticket.note.alreadyAdded') }
        : undefined;
    return {
      response: await cardKeepingNote(turn, services, request, {
        banner,
        note: banner ? undefined : { value: note },
        origin,
      }),
      outcome: { details: { ...details, result: banner ? 'alreadyAdded' : 'renewed' } },
    };
  }
  if (claim.kind === 'busy') {
    return {
      response: messageResponse(text.t('ticket.note.busy')),
      outcome: { details: { ...details, result: 'busy' }, failed: true },
    };
  }

  try {
    const request = await services.partnerCenter.updateServiceRequest(ctx, data.serviceRequestId, { note });
    await services.notes.complete(submissionId, claim.facts, request.id);
    return {
      response: cardResponse(
        await ticketCard(turn, services, request, {
          banner: { style: 'good', text: text.t('ticket.note.added') },
          origin,
        }),
      ),
      outcome: { details: { ...details, result: 'added' } },
    };
  } catch (error) {
    await services.notes.reopen(submissionId, claim.facts);
    if (!isAppError(error)) throw error;
    // The card is left as it is, the typed note still in it.
    return {
      response: messageResponse(text.t('ticket.note.failed', { reason: errorText(error.code, text) })),
      outcome: { details: { ...details, result: 'failed', code: error.code }, failed: true },
    };
  }
}

/** `ticket.close`: PATCH status closed (closing a closed request changes nothing). */
export async function closeTicket(
  turn: HandlerTurn,
  services: TicketServices,
  data: ServiceRequestActionData,
): Promise<CardActionResult> {
  await requireTicketInScope(turn, services, data, 'updateServiceRequest');
  const text = textFor(turn.info);
  const details = { serviceRequestId: data.serviceRequestId };
  let request: ServiceRequest;
  try {
    request = await services.partnerCenter.updateServiceRequest(
      callContextOf(turn.info),
      data.serviceRequestId,
      {
        status: 'closed',
      },
    );
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The card is left as it is (with any note typed into it).
    return {
      response: messageResponse(text.t('ticket.closeFailed', { reason: errorText(error.code, text) })),
      outcome: { details: { ...details, result: 'failed', code: error.code }, failed: true },
    };
  }
  return {
    response: await cardKeepingNote(turn, services, request, {
      banner: { style: 'good', text: text.t('ticket.closed') },
      note: typedNote(data),
      origin: originOf(data),
    }),
    outcome: { details: { ...details, result: 'closed' } },
  };
}
