/**
 * The new-ticket form as the server sees it (pure): what was typed, every problem with it, and the request
 * to send when there is none. Card input is untrusted and may be anything, so reading never throws and
 * never drops text: whatever arrived is kept, so the form can be shown again exactly as it was typed.
 */

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
export const CONTACT_NAME_MAX = 100;
export const CONTACT_EMAIL_MAX = 254;
export const CONTACT_PHONE_MAX = 40;

/** Severities Partner Center accepts on create (reference D3; `unknown` is not offered). */
export const ticketSeverities = ['minimal', 'moderate', 'critical'] as const;
export type TicketSeverity = (typeof ticketSeverities)[number];

/** The form's inputs, by their card input ids. */
export interface TicketFormValues {
  topicId: string;
  title: string;
  description: string;
  severity: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export type TicketField = keyof TicketFormValues;

export const ticketFields: readonly TicketField[] = [
  'topicId',
  'title',
  'description',
  'severity',
  'contactName',
  'contactEmail',
  'contactPhone',
];

export type RequiredField = 'topicId' | 'title' | 'description' | 'severity';

export type FieldProblem =
  | { field: RequiredField; problem: 'required' }
  | { field: 'topicId' | 'severity'; problem: 'notAChoice' }
  | { field: 'contactEmail'; problem: 'invalidEmail' }
  | { field: 'contactPhone'; problem: 'invalidPhone' }
  | { field: TicketField; problem: 'tooLong'; max: number; length: number };

export interface ValidTicket {
  supportTopicId: string;
  title: string;
  description: string;
  severity: TicketSeverity;
  contact?: { name?: string; email?: string; phone?: string };
}

export type TicketValidation =
  | { valid: true; ticket: ValidTicket }
  | { valid: false; problems: FieldProblem[] };

/** The inputs as strings; anything missing or not a string is empty. */
export function ticketFormValues(data: Readonly<Record<string, unknown>>): TicketFormValues {
  const text = (name: TicketField) => (typeof data[name] === 'string' ? (data[name] as string) : '');
  return {
    topicId: text('topicId'),
    title: text('title'),
    description: text('description'),
    severity: text('severity'),
    contactName: text('contactName'),
    contactEmail: text('contactEmail'),
    contactPhone: text('contactPhone'),
  };
}

/** True when nothing was typed into the form at all. */
export function isBlank(values: TicketFormValues): boolean {
  return ticketFields.every((field) => values[field].trim() === '');
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators and an optional leading +, at least 5 digits. */
const phone = /^\+?[0-9 ().\-/]+$/;

function lengthProblem(field: TicketField, value: string, max: number): FieldProblem | undefined {
  // UTF-16 units, as Teams' maxLength and Partner Center's .NET strings count.
  return value.length > max ? { field, problem: 'tooLong', max, length: value.length } : undefined;
}

function isSeverity(value: string): value is TicketSeverity {
  return (ticketSeverities as readonly string[]).includes(value);
}

/** Every problem, in form order. Title and contact fields are trimmed; the description is kept as typed. */
export function validateTicketForm(values: TicketFormValues, topicIds: readonly string[]): TicketValidation {
  const problems: FieldProblem[] = [];
  const add = (problem: FieldProblem | undefined) => {
    if (problem) problems.push(problem);
  };
  const title = values.title.trim();
  const contact = {
    name: values.contactName.trim(),
    email: values.contactEmail.trim(),
    phone: values.contactPhone.trim(),
  };

  if (values.topicId === '') add({ field: 'topicId', problem: 'required' });
  else if (!topicIds.includes(values.topicId)) add({ field: 'topicId', problem: 'notAChoice' });
  if (title === '') add({ field: 'title', problem: 'required' });
  else add(lengthProblem('title', title, TITLE_MAX));
  if (values.description.trim() === '') add({ field: 'description', problem: 'required' });
  else add(lengthProblem('description', values.description, DESCRIPTION_MAX));
  if (values.severity === '') add({ field: 'severity', problem: 'required' });
  else if (!isSeverity(values.severity)) add({ field: 'severity', problem: 'notAChoice' });
  add(lengthProblem('contactName', contact.name, CONTACT_NAME_MAX));
  if (contact.email !== '') {
    add(
      lengthProblem('contactEmail', contact.email, CONTACT_EMAIL_MAX) ??
        (email.test(contact.email) ? undefined : { field: 'contactEmail', problem: 'invalidEmail' }),
    );
  }
  if (contact.phone !== '') {
    const digits = contact.phone.replace(/\D/g, '').length;
    add(
      lengthProblem('contactPhone', contact.phone, CONTACT_PHONE_MAX) ??
        (phone.test(contact.phone) && digits >= 5
          ? undefined
          : { field: 'contactPhone', problem: 'invalidPhone' }),
    );
  }
  if (problems.length > 0 || !isSeverity(values.severity)) return { valid: false, problems };

  const given = Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== ''));
  return {
    valid: true,
    ticket: {
      supportTopicId: values.topicId,
      title,
      description: values.description,
      severity: values.severity,
      ...(Object.keys(given).length > 0 && { contact: given }),
    },
  };
}
