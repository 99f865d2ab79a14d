import type { SupportTopic } from '../api/models';
import type { StringKey, Strings } from '../i18n/strings';
import {
  DESCRIPTION_MAX,
  type FieldProblem,
  type RequiredField,
  type TicketField,
  type TicketFormValues,
  ticketSeverities,
} from '../tickets/ticket-form';
import { renderIfFits } from './card-fit';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/ticket-form.json';

/**
 * The new-ticket form. Shown again after a refused submission with every problem right under its field and
 * everything typed still in the inputs. The form echoes text up to the description limit uncut; when what
 * was typed cannot fit a Teams card, `ticketFormCardThatFits` says so and the caller leaves the agent's
 * card (with the typed text in it) as it is.
 */
export interface TicketFormCardData {
  companyName: string;
  customerId: string;
  /** The opaque id of the server-side submission this form belongs to. */
  draftId: string;
  topics: readonly SupportTopic[];
  values?: TicketFormValues;
  problems?: readonly FieldProblem[];
  /** A line above the form: why it is shown again. */
  banner?: { style: 'warning' | 'attention' | 'accent'; text: string };
}

interface InputView {
  label: string;
  placeholder?: string;
  value: string;
  required?: string;
  error?: string;
}

interface ChoiceInputView extends InputView {
  choices: { title: string; value: string }[];
}

interface TicketFormView {
  title: string;
  intro: string;
  banner?: { style: string; text: string };
  topic: ChoiceInputView;
  titleInput: InputView;
  description: InputView;
  severity: ChoiceInputView;
  contactHeading: string;
  contactName: InputView;
  contactEmail: InputView;
  contactPhone: InputView;
  submit: string;
  draftId: string;
  customerId: string;
}

const template = defineTemplate<TicketFormView>('ticketForm', json);

type InputKey = 'topic' | 'title' | 'description' | 'contactName' | 'contactEmail' | 'contactPhone';

/** The most topics offered (the documented list has 14). */
export const maxTopicChoices = 100;

const emptyValues: TicketFormValues = {
  topicId: '',
  title: '',
  description: '',
  severity: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

const requiredText: Readonly<Record<RequiredField, StringKey>> = {
  topicId: 'ticket.form.problem.required.topicId',
  title: 'ticket.form.problem.required.title',
  description: 'ticket.form.problem.required.description',
  severity: 'ticket.form.problem.required.severity',
};

export function problemText(problem: FieldProblem, text: Strings): string {
  switch (problem.problem) {
    case 'required':
      return text.t(requiredText[problem.field]);
    case 'tooLong':
      return text.t('ticket.form.problem.tooLong', { max: problem.max, length: problem.length });
    case 'notAChoice':
      return text.t(`ticket.form.problem.notAChoice.${problem.field}`);
    case 'invalidEmail':
      return text.t('ticket.form.problem.invalidEmail');
    case 'invalidPhone':
      return text.t('ticket.form.problem.invalidPhone');
  }
}

function view(data: TicketFormCardData, text: Strings): TicketFormView {
  const values = data.values ?? emptyValues;
  const errors = new Map<TicketField, string>();
  for (const problem of data.problems ?? []) {
    if (!errors.has(problem.field)) errors.set(problem.field, problemText(problem, text));
  }
  const input = (field: TicketField, key: InputKey): InputView => ({
    label: text.t(`ticket.form.${key}.label`),
    placeholder: text.t(`ticket.form.${key}.placeholder`),
    value: values[field],
    error: errors.get(field),
  });
  return {
    title: text.t('ticket.form.title', { companyName: data.companyName }),
    intro: text.t('ticket.form.intro'),
    banner: data.banner,
    topic: {
      ...input('topicId', 'topic'),
      required: text.t('ticket.form.problem.required.topicId'),
      choices: data.topics.slice(0, maxTopicChoices).map((topic) => ({ title: topic.name, value: topic.id })),
    },
    titleInput: { ...input('title', 'title'), required: text.t('ticket.form.problem.required.title') },
    description: {
      ...input('description', 'description'),
      required: text.t('ticket.form.problem.required.description'),
    },
    severity: {
      label: text.t('ticket.form.severity.label'),
      value: values.severity,
      required: text.t('ticket.form.problem.required.severity'),
      error: errors.get('severity'),
      choices: [...ticketSeverities].reverse().map((severity) => ({
        title: text.t(`ticket.severity.choice.${severity}`),
        value: severity,
      })),
    },
    contactHeading: text.t('ticket.form.contactHeading'),
    contactName: input('contactName', 'contactName'),
    contactEmail: input('contactEmail', 'contactEmail'),
    contactPhone: input('contactPhone', 'contactPhone'),
    submit: text.t('ticket.form.submit'),
    draftId: data.draftId,
    customerId: data.customerId,
  };
}

/** The longest typed value the form gives back uncut: twice the longest allowed (longer is never typed in Teams). */
export const maxEchoLength = 2 * DESCRIPTION_MAX;

/** The form; it gives back typed values up to `maxEchoLength` code points uncut. */
export function ticketFormCard(data: TicketFormCardData, text: Strings): AdaptiveCard {
  return renderCard(template, view(data, text), { maxTextLength: maxEchoLength });
}

/**
 * The form, or undefined when what was typed cannot come back whole in it: text over the limits (only a
 * forged submission has that), or a card over the Teams size limit (long text in a wide script).
 */
export function ticketFormCardThatFits(data: TicketFormCardData, text: Strings): AdaptiveCard | undefined {
  const values = data.values ?? emptyValues;
  if (Object.values(values).some((value) => Array.from(value).length > maxEchoLength)) return undefined;
  return renderIfFits(() => ticketFormCard(data, text));
}
