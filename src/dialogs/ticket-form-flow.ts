import type { Customer, SupportTopic } from '../api/models';
import type { PartnerCenter } from '../api/partner-center';
import { cardResponse, messageResponse, sendCard, textFor } from '../bot/replies';
import type { ActionOutcome, CardActionResult, HandlerTurn } from '../bot/routes';
import { callContextOf, type TurnInfo } from '../bot/turn-info';
import {
  type AdaptiveCard,
  problemText,
  type TicketFormCardData,
  type TicketFormData,
  ticketCreatedCard,
  ticketFormCard,
  ticketFormCardThatFits,
  ticketPortalCards,
} from '../cards';
import { type AppError, isAppError } from '../errors';
import { errorText, strings } from '../i18n/strings';
import type { AuditLog } from '../store/store';
import { customerContextNote, type TicketCustomer } from '../tickets/customer-context';
import type { SubmissionFacts, Submissions } from '../tickets/submissions';
import type { SupportTopicCatalog } from '../tickets/support-topics';
import {
  type FieldProblem,
  type TicketFormValues,
  ticketFormValues,
  validateTicketForm,
} from '../tickets/ticket-form';
import { requireCustomerInScope } from './ticket-scope';

/**
 * `new ticket <customer>` and its form: the form (or the portal card when Partner Center does not offer
 * service requests through its API), server-side validation with the problems next to the fields, and the
 * create call, made at most once per form. Whatever happens, nothing the agent typed is lost: the form comes
 * back with the text in it, or the card is left as it is, or the portal card shows the text to paste.
 */
export interface TicketServices {
  partnerCenter: PartnerCenter;
  topics: SupportTopicCatalog;
  /** New-ticket forms, submitted at most once. */
  drafts: Submissions;
  /** Note boxes of ticket cards, submitted at most once. */
  notes: Submissions;
  /** The portal page of a customer's service requests. */
  portalUrl(customerId: string): string;
  /** Where refusals of customer-scoped callers are recorded (by-id requests name no customer the guard sees). */
  audit: AuditLog;
}

function customerFacts(customer: Customer): SubmissionFacts {
  return {
    customerId: customer.id,
    companyName: customer.companyProfile.companyName,
    domain: customer.companyProfile.domain,
  };
}

function ticketCustomer(facts: SubmissionFacts): TicketCustomer {
  return { id: facts.customerId ?? '', companyName: facts.companyName ?? '', domain: facts.domain };
}

function isNotAvailable(error: unknown): error is AppError {
  return isAppError(error) && error.code === 'PC_NOT_AVAILABLE';
}

/** The portal card(s), with what was typed when there is something; the rest of a long text follows as messages. */
async function portalResponse(
  turn: HandlerTurn,
  services: TicketServices,
  customer: TicketCustomer,
  typed?: { values: TicketFormValues; topics: readonly SupportTopic[] },
): Promise<AdaptiveCard> {
  const text = textFor(turn.info);
  const [first, ...rest] = ticketPortalCards(
    {
      companyName: customer.companyName,
      portalUrl: services.portalUrl(customer.id),
      typed: typed && {
        values: typed.values,
        topicName: typed.topics.find((topic) => topic.id === typed.values.topicId)?.name,
        severityName: typed.values.severity
          ? text.t(`ticket.severity.choice.${typed.values.severity as 'critical' | 'moderate' | 'minimal'}`)
          : undefined,
      },
    },
    text,
  );
  for (const card of rest) await sendCard(turn.context, card);
  return first as AdaptiveCard;
}

/** The card that starts a ticket: the form, or the portal card when the API does not offer it. */
export async function newTicketCard(
  turn: HandlerTurn,
  services: TicketServices,
  customer: Customer,
): Promise<{ card: AdaptiveCard; outcome: ActionOutcome }> {
  const text = textFor(turn.info);
  let topics: SupportTopic[];
  try {
    topics = await services.topics.topics(callContextOf(turn.info));
  } catch (error) {
    if (!isNotAvailable(error)) throw error;
    return {
      card: await portalResponse(turn, services, ticketCustomer(customerFacts(customer))),
      outcome: { customerId: customer.id, details: { result: 'notAvailable' }, failed: true },
    };
  }
  const draftId = await services.drafts.open(customerFacts(customer));
  return {
    card: ticketFormCard(
      { companyName: customer.companyProfile.companyName, customerId: customer.id, draftId, topics },
      text,
    ),
    outcome: { customerId: customer.id, details: { form: 'opened' } },
  };
}

/**
 * The form again, with the typed values and the problems; or, when that cannot hold what was typed, the
 * card left as it is (it still has the text) and the problems as a message.
 */
function formAgain(info: TurnInfo, form: TicketFormCardData, fallback: string): CardActionResult['response'] {
  const card = ticketFormCardThatFits(form, textFor(info));
  return card ? cardResponse(card) : messageResponse(fallback);
}

function problemSummary(problems: readonly FieldProblem[], info: TurnInfo): string {
  const text = textFor(info);
  return text.t('ticket.form.problemsKept', {
    problems: problems.map((problem) => problemText(problem, text)).join(' '),
  });
}

/** `ticket.create`: validate, create once, and answer with the created card, the form again, or the portal card. */
export async function submitTicket(
  turn: HandlerTurn,
  services: TicketServices,
  data: TicketFormData,
): Promise<CardActionResult> {
  const text = textFor(turn.info);
  const ctx = callContextOf(turn.info);
  const values = ticketFormValues(data as unknown as Record<string, unknown>);

  // The customer comes from the server-side submission, never from the card. A form whose submission is
  // gone gets a new one and comes back, with everything typed, to be sent again.
  const saved = await services.drafts.find(data.draftId);
  const facts = saved ?? customerFacts(await services.partnerCenter.getCustomer(ctx, data.customerId));
  const customer = ticketCustomer(facts);
  // A form seen in a group chat may be another agent's, for a customer outside this caller's role.
  await requireCustomerInScope(turn, services, customer.id, 'createServiceRequest');
  const draftId = saved ? data.draftId : await services.drafts.open(facts);
  const outcome = (details: Record<string, unknown>, failed = false): ActionOutcome => ({
    customerId: customer.id,
    details,
    ...(failed ? { failed } : {}),
  });

  let topics: SupportTopic[];
  try {
    topics = await services.topics.topics(ctx);
  } catch (error) {
    if (!isNotAvailable(error)) throw error;
    return {
      response: cardResponse(await portalResponse(turn, services, customer, { values, topics: [] })),
      outcome: outcome({ result: 'notAvailable' }, true),
    };
  }
  const form = (extra: Partial<TicketFormCardData>): TicketFormCardData => ({
    companyName: customer.companyName,
    customerId: customer.id,
    draftId,
    topics,
    values,
    ...extra,
  });

  const validation = validateTicketForm(
    values,
    topics.map((topic) => topic.id),
  );
  if (!validation.valid) {
    return {
      response: formAgain(
        turn.info,
        form({
          problems: validation.problems,
          banner: { style: 'attention', text: text.t('ticket.form.fixProblems') },
        }),
        problemSummary(validation.problems, turn.info),
      ),
      outcome: outcome(
        { result: 'invalid', fields: validation.problems.map((problem) => problem.field) },
        true,
      ),
    };
  }
  if (!saved) {
    const renewed = text.t('ticket.form.renewed');
    return {
      response: formAgain(turn.info, form({ banner: { style: 'warning', text: renewed } }), renewed),
      outcome: outcome({ result: 'renewed' }),
    };
  }

  const claim = await services.drafts.claim(draftId);
  if (claim.kind === 'done') {
    // A repeated click, or Teams retrying the invoke: the request exists already; show it again.
    const request = await services.partnerCenter.getServiceRequest(ctx, claim.result);
    return {
      response: cardResponse(
        ticketCreatedCard(
          { request, companyName: customer.companyName, customerId: customer.id, draftId },
          text,
        ),
      ),
      outcome: outcome({ result: 'alreadyCreated', serviceRequestId: claim.result }),
    };
  }
  if (claim.kind !== 'claimed') {
    return {
      response: messageResponse(text.t('ticket.form.busy')),
      outcome: outcome({ result: 'busy' }, true),
    };
  }

  const { ticket } = validation;
  try {
    const request = await services.partnerCenter.createServiceRequest(ctx, turn.info.locale, {
      title: ticket.title,
      description: ticket.description,
      severity: ticket.severity,
      supportTopicId: ticket.supportTopicId,
      notes: [customerContextNote(customer, ticket.contact, turn.info.caller.name, strings('en-US'))],
    });
    await services.drafts.complete(draftId, facts, request.id);
    const topicName = topics.find((topic) => topic.id === ticket.supportTopicId)?.name;
    return {
      response: cardResponse(
        ticketCreatedCard(
          { request, companyName: customer.companyName, customerId: customer.id, draftId, topicName },
          text,
        ),
      ),
      outcome: outcome({
        result: 'created',
        serviceRequestId: request.id,
        severity: ticket.severity,
        supportTopicId: ticket.supportTopicId,
      }),
    };
  } catch (error) {
    await services.drafts.reopen(draftId, facts);
    if (isNotAvailable(error)) {
      return {
        response: cardResponse(await portalResponse(turn, services, customer, { values, topics })),
        outcome: outcome({ result: 'notAvailable' }, true),
      };
    }
    if (!isAppError(error)) throw error;
    const banner = text.t('ticket.form.failed', { reason: errorText(error.code, text) });
    return {
      response: formAgain(turn.info, form({ banner: { style: 'attention', text: banner } }), banner),
      outcome: outcome({ result: 'failed', code: error.code }, true),
    };
  }
}
