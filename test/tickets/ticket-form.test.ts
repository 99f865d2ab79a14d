import {
  DESCRIPTION_MAX,
  isBlank,
  TITLE_MAX,
  type TicketFormValues,
  ticketFormValues,
  validateTicketForm,
} from '../../src/tickets/ticket-form';

const topics = ['32444667', '32444671'];
const filled: TicketFormValues = {
  topicId: '32444671',
  title: '  Cannot open the profile page  ',
  description: '  It spins forever.\n',
  severity: 'critical',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

describe('reading the new-ticket form', () => {
  it('takes the inputs as text, and anything missing or not text as empty', () => {
    expect(ticketFormValues({ title: 'T', description: 42, severity: null, extra: 'x' })).toEqual({
      topicId: '',
      title: 'T',
      description: '',
      severity: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
    });
  });

  it('knows a form in which nothing was typed', () => {
    expect(isBlank(ticketFormValues({ title: '  ' }))).toBe(true);
    expect(isBlank(filled)).toBe(false);
  });
});

describe('new-ticket validation', () => {
  it('accepts a complete form: the title trimmed, the description exactly as typed, no contact when none was given', () => {
    expect(validateTicketForm(filled, topics)).toEqual({
      valid: true,
      ticket: {
        supportTopicId: '32444671',
        title: 'Cannot open the profile page',
        description: '  It spins forever.\n',
        severity: 'critical',
      },
    });
  });

  it('keeps the contact details that were given, trimmed', () => {
    const result = validateTicketForm(
      { ...filled, contactName: ' Melvin Blanc ', contactPhone: '+1 (213) 555-0100' },
      topics,
    );
    expect(result).toMatchObject({
      valid: true,
      ticket: { contact: { name: 'Melvin Blanc', phone: '+1 (213) 555-0100' } },
    });
  });

  it('reports every problem at once, in form order', () => {
    const result = validateTicketForm(
      {
        topicId: '',
        title: '',
        description: ' \n ',
        severity: '',
        contactName: '',
        contactEmail: 'x@',
        contactPhone: '12',
      },
      topics,
    );
    expect(result).toEqual({
      valid: false,
      problems: [
        { field: 'topicId', problem: 'required' },
        { field: 'title', problem: 'required' },
        { field: 'description', problem: 'required' },
        { field: 'severity', problem: 'required' },
        { field: 'contactEmail', problem: 'invalidEmail' },
        { field: 'contactPhone', problem: 'invalidPhone' },
      ],
    });
  });

  it('accepts exactly the limits and refuses one more, saying how long it is', () => {
    const atLimit = { ...filled, title: 'x'.repeat(TITLE_MAX), description: 'y'.repeat(DESCRIPTION_MAX) };
    expect(validateTicketForm(atLimit, topics).valid).toBe(true);
    const over = {
      ...filled,
      title: 'x'.repeat(TITLE_MAX + 1),
      description: 'y'.repeat(DESCRIPTION_MAX + 1),
    };
    expect(validateTicketForm(over, topics)).toEqual({
      valid: false,
      problems: [
        { field: 'title', problem: 'tooLong', max: 255, length: 256 },
        { field: 'description', problem: 'tooLong', max: 10_000, length: 10_001 },
      ],
    });
  });

  it('counts length as Teams and .NET do (UTF-16 units): an emoji is two', () => {
    const result = validateTicketForm({ ...filled, title: '😀'.repeat(128) }, topics);
    expect(result).toMatchObject({
      valid: false,
      problems: [{ field: 'title', problem: 'tooLong', length: 256 }],
    });
  });

  it.each([
    ['a topic that is not offered', { topicId: '1' }, 'topicId'],
    ['severity unknown (Partner Center accepts only three)', { severity: 'unknown' }, 'severity'],
    ['a severity in other case', { severity: 'Critical' }, 'severity'],
  ])('refuses %s as not a choice', (_label, change, field) => {
    expect(validateTicketForm({ ...filled, ...change }, topics)).toEqual({
      valid: false,
      problems: [{ field, problem: 'notAChoice' }],
    });
  });

  it.each(['name@example.com', 'a.b+c@sub.example.co.uk'])('accepts the email %s', (email) => {
    expect(validateTicketForm({ ...filled, contactEmail: email }, topics).valid).toBe(true);
  });

  it.each(['name', 'name@example', 'a b@example.com', '@example.com'])('refuses the email %s', (email) => {
    expect(validateTicketForm({ ...filled, contactEmail: email }, topics)).toMatchObject({
      problems: [{ field: 'contactEmail', problem: 'invalidEmail' }],
    });
  });

  it.each(['call me', '1234', '+1 425 555 0100 ext 5'])('refuses the phone %s', (phone) => {
    expect(validateTicketForm({ ...filled, contactPhone: phone }, topics)).toMatchObject({
      problems: [{ field: 'contactPhone', problem: 'invalidPhone' }],
    });
  });
});
