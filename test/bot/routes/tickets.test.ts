import { strings } from '../../../src/i18n/strings';
import { cardActionActivity, messageActivity, type TestUser, users } from '../../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../../support/test-bot';

/**
 * Service requests over real HTTP: Teams-shaped activities in, cards out through the local connector,
 * Partner Center served by the simulator (reference §7 D2-D6). Each flow's Partner Center calls are counted
 * with the simulator's call counter.
 */

const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const dakotaMall = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const routes = {
  topics: 'GET /v1/servicerequests/supporttopics',
  create: 'POST /v1/servicerequests/{agent-locale}',
  list: 'GET /v1/customers/{customer-tenant-id}/servicerequests',
  get: 'GET /v1/servicerequests/{servicerequest-id}',
  update: 'PATCH /v1/servicerequests/{servicerequest-id}',
};

type Card = Record<string, unknown>;
type InvokeAnswer = { statusCode: number; type: string; value: unknown };

let bot: TestBot;
let conversation = 0;

async function say(text: string, user: TestUser = users.alex, locale = 'en-US') {
  const conversationId = `tickets-${++conversation}`;
  const before = bot.connector.activities.length;
  const response = await bot.post(
    messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, user, locale }),
  );
  expect(response.status).toBe(200);
  const replies = await bot.connector.waitFor(1, conversationId);
  expect(bot.connector.activities.length).toBeGreaterThan(before);
  return { card: cardOf(replies[0] as never), conversationId };
}

async function click(
  verb: string,
  data: Record<string, unknown>,
  conversationId: string,
  user: TestUser = users.alex,
): Promise<InvokeAnswer> {
  const response = await bot.post(
    cardActionActivity(verb, data, { serviceUrl: bot.connector.serviceUrl, conversationId, user }),
  );
  expect(response.status).toBe(200);
  return response.body as InvokeAnswer;
}

/** The Action.Execute of a card with this verb. */
function action(card: unknown, verb: string) {
  const found = cardActions(card).find((candidate) => candidate.verb === verb);
  if (!found) throw new Error(`no ${verb} button`);
  return found;
}

/** Input values of a card by input id. */
function inputs(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (
      typeof record.type === 'string' &&
      record.type.startsWith('Input.') &&
      typeof record.id === 'string'
    ) {
      values[record.id] = typeof record.value === 'string' ? record.value : '';
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return values;
}

const valid = {
  topicId: '32444675',
  title: 'Licenses missing after purchase',
  description: 'Three users have no Microsoft 365 E3 license since Monday.\nThe order shows as completed.',
  severity: 'moderate',
  contactName: 'Melvin Blanc',
  contactEmail: 'mblanc@outlook.com',
  contactPhone: '+1 213 555 0100',
};

async function openForm(customer = 'contoso190', user: TestUser = users.alex) {
  const { card, conversationId } = await say(`new ticket ${customer}`, user);
  return { card, conversationId, submit: action(card, 'ticket.create').data };
}

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => {
  bot.simulator.faults.clear();
  bot.simulator.calls.reset();
});

describe('topics', () => {
  it('lists the support topics with their ids, read once per language and then from the cache', async () => {
    const first = cardTexts((await say('topics')).card).join('\n');
    expect(first).toContain('Partner Center Issues');
    expect(first).toContain('32444667');
    expect(first).toContain('Cannot manage my profile');
    await say('topics');
    expect(bot.simulator.calls.count(routes.topics)).toBe(1);

    const french = cardTexts((await say('topics', users.alex, 'fr-FR')).card).join('\n');
    expect(french).toContain('Impossible de gérer mon profil');
    expect(bot.simulator.calls.count(routes.topics)).toBe(2);
  });
});

describe('new ticket', () => {
  it('shows a form with the topics, the three severities and the optional contact fields, empty', async () => {
    const { card, submit } = await openForm();
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('New service request for Contoso190');
    expect(texts).toContain('Subscription management');
    expect(texts).toMatch(/Critical \(A\)/);
    expect(texts).toMatch(/Minimal \(C\)/);
    expect(inputs(card)).toEqual({
      topicId: '',
      title: '',
      description: '',
      severity: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
    });
    expect(submit).toEqual({ draftId: expect.stringMatching(/^[0-9a-f-]{36}$/), customerId: contoso190 });
  });

  it('creates the request with one POST, carrying the customer in a note, and answers its id, status, severity, topic and time', async () => {
    const { submit, conversationId } = await openForm();
    bot.simulator.calls.reset();
    const answer = await click('ticket.create', { ...submit, ...valid }, conversationId);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const texts = cardTexts(answer.value).join('\n');
    const id = /Service request (\d{15}) created/.exec(texts)?.[1];
    expect(id).toBeDefined();
    expect(texts).toContain('Open');
    expect(texts).toContain('Moderate');
    expect(texts).toContain('Users and licenses');
    // Formatted by the bot (the activity names no time zone: UTC, said so), not left to the renderer.
    expect(texts).toMatch(/\d{4}, \d{1,2}:\d\d\s[AP]M UTC/);
    expect(bot.simulator.calls.byRoute()).toEqual({ [routes.create]: 1 });

    const opened = await say(`ticket ${id}`);
    const details = cardTexts(opened.card).join('\n');
    expect(details).toContain('Licenses missing after purchase');
    expect(details).toContain(
      `Customer: Contoso190 (tenant id ${contoso190}, domain contoso190.onmicrosoft.com)`,
    );
    expect(details).toContain('Customer contact: Melvin Blanc, mblanc@outlook.com, +1 213 555 0100');
    expect(details).toContain('Filed by Alex Wilber through the Partner Helpdesk Bot');
  });

  it('creates the request once when the button is pressed twice (or Teams retries), and shows it again', async () => {
    const { submit, conversationId } = await openForm();
    bot.simulator.calls.reset();
    const first = await click('ticket.create', { ...submit, ...valid }, conversationId);
    const second = await click('ticket.create', { ...submit, ...valid }, conversationId);
    const idOf = (answer: InvokeAnswer) =>
      /Service request (\d+) created/.exec(cardTexts(answer.value).join('\n'))?.[1];
    expect(idOf(second)).toBe(idOf(first));
    expect(bot.simulator.calls.count(routes.create)).toBe(1);
  });

  const tooLong = (length: number) => 'x'.repeat(length);
  it.each([
    ['no topic', { topicId: '' }, 'topicId', 'Choose a support topic.'],
    ['a topic that is not offered', { topicId: '99999999' }, 'topicId', 'That topic is not offered any more'],
    ['no title', { title: '   ' }, 'title', 'Type a title.'],
    [
      'a title over 255 characters',
      { title: tooLong(256) },
      'title',
      'At most 255 characters; this has 256.',
    ],
    ['no description', { description: '' }, 'description', 'Type a description.'],
    [
      'a description over 10,000 characters',
      { description: tooLong(10_001) },
      'description',
      'At most 10,000 characters; this has 10,001.',
    ],
    ['no severity', { severity: '' }, 'severity', 'Choose a severity.'],
    ['an unknown severity', { severity: 'unknown' }, 'severity', 'Choose critical, moderate or minimal.'],
    ['a contact name over 100 characters', { contactName: tooLong(101) }, 'contactName', 'At most 100'],
    [
      'a malformed email',
      { contactEmail: 'mblanc at outlook' },
      'contactEmail',
      'does not look like an email',
    ],
    ['a malformed phone', { contactPhone: 'call me' }, 'contactPhone', 'at least 5 digits'],
  ])(
    'refuses %s with the message next to that field, keeping everything typed',
    async (_label, change, field, message) => {
      const { submit, conversationId } = await openForm();
      bot.simulator.calls.reset();
      const typed = { ...valid, ...change };
      const answer = await click('ticket.create', { ...submit, ...typed }, conversationId);
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(inputs(answer.value)).toEqual(typed);
      const body = (answer.value as Card).body as Card[];
      const index = body.findIndex((element) => element.id === field);
      const next = JSON.stringify(body[index + 1]);
      expect(next).toContain(message);
      expect(next).toContain('"color":"Attention"');
      expect(cardTexts(answer.value).join('\n')).toContain('everything you typed is still here');
      expect(bot.simulator.calls.count(routes.create)).toBe(0);
      expect(action(answer.value, 'ticket.create').data).toEqual(submit);
    },
  );

  it('reports every invalid field at once', async () => {
    const { submit, conversationId } = await openForm();
    const answer = await click(
      'ticket.create',
      { ...submit, topicId: '', title: '', description: ' ', severity: '', contactEmail: 'x' },
      conversationId,
    );
    const texts = cardTexts(answer.value).join('\n');
    for (const message of [
      'Choose a support topic.',
      'Type a title.',
      'Type a description.',
      'Choose a severity.',
    ])
      expect(texts).toContain(message);
    expect(texts).toContain('This does not look like an email address.');
  });

  it('leaves the card as it is when what was typed cannot come back in it, and says what is wrong', async () => {
    const { submit, conversationId } = await openForm();
    const answer = await click(
      'ticket.create',
      { ...submit, ...valid, title: '', description: '株'.repeat(10_000) },
      conversationId,
    );
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(answer.value)).toMatch(/Type a title\..*still holds everything you typed/);
  });

  it('keeps the form and the text when Partner Center fails, and creates the request on the next press', async () => {
    const { submit, conversationId } = await openForm();
    bot.simulator.faults.add({ route: routes.create, status: 503, times: 1 });
    const failed = await click('ticket.create', { ...submit, ...valid }, conversationId);
    expect(inputs(failed.value)).toEqual(valid);
    expect(cardTexts(failed.value).join('\n')).toMatch(
      /did not create the service request \(Partner Center is not answering/,
    );
    const retried = await click('ticket.create', { ...submit, ...valid }, conversationId);
    expect(cardTexts(retried.value).join('\n')).toMatch(/Service request \d+ created/);
  });

  it('answers "not available through the API" with the portal link and the typed text when create is gone (404)', async () => {
    const { submit, conversationId } = await openForm();
    bot.simulator.faults.add({ route: routes.create, status: 404 });
    const answer = await click('ticket.create', { ...submit, ...valid }, conversationId);
    const texts = cardTexts(answer.value).join('\n');
    expect(texts).toContain('Partner Center does not offer this through its API');
    for (const typed of [
      valid.title,
      valid.description,
      valid.contactEmail,
      'Users and licenses',
      'Moderate',
    ])
      expect(texts).toContain(typed);
    const link = JSON.stringify(answer.value);
    expect(link).toContain('"type":"Action.OpenUrl"');
    expect(link).toContain(
      `https://partner.microsoft.com/dashboard/v2/customers/${contoso190}/servicemanagementpage`,
    );
  });

  it('audits a create that Partner Center does not offer as failed, not succeeded', async () => {
    const { submit, conversationId } = await openForm('contoso190', users.megan);
    bot.simulator.faults.add({ route: routes.create, status: 404 });
    await click('ticket.create', { ...submit, ...valid }, conversationId, users.megan);
    const [entry] = await bot.store.audit.query({
      actorId: users.megan.aadObjectId,
      action: 'ticket.create',
    });
    expect(entry).toMatchObject({
      outcome: 'failed',
      customerId: contoso190,
      details: { result: 'notAvailable' },
    });
  });

  it('keeps a long description in a wide script whole, continuing on further cards', async () => {
    const { submit, conversationId } = await openForm();
    bot.simulator.faults.add({ route: routes.create, status: 501 });
    const description = Array.from({ length: 10_000 }, (_, index) => '東京😀'[index % 3] as string).join('');
    const before = bot.connector.activities.filter(
      (activity) => activity.conversationId === conversationId,
    ).length;
    const answer = await click('ticket.create', { ...submit, ...valid, description }, conversationId);
    const sent = bot.connector.activities
      .filter((activity) => activity.conversationId === conversationId)
      .slice(before);
    expect(sent.length).toBeGreaterThan(0);
    const runs = (card: unknown) => (JSON.parse(JSON.stringify(card)) as Card).body as Card[];
    const parts = [answer.value, ...sent.map((activity) => cardOf(activity as never))].flatMap((card) =>
      runs(card)
        .filter(
          (element) =>
            element.type === 'RichTextBlock' &&
            Array.isArray(element.inlines) &&
            (element.inlines as unknown[]).length > 1,
        )
        .flatMap((element) => (element.inlines as Card[]).map((inline) => String(inline.text))),
    );
    expect(parts.join('')).toBe(description);
  });

  it('answers the portal card at once when the support-topics route is gone (nothing typed yet)', async () => {
    bot.simulator.faults.add({ route: routes.topics, status: 501 });
    // A locale whose topics no earlier test has cached.
    const { card } = await say('new ticket contoso190', users.alex, 'zh-TW');
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(strings('zh-TW').t('ticket.portal.title'));
    expect(texts).not.toContain('What you typed');
    expect(JSON.stringify(card)).toContain(`/customers/${contoso190}/servicemanagementpage`);
  });

  it('sends agents to the portal without calling the legacy routes when SERVICE_REQUESTS_LEGACY_API is off', async () => {
    const legacyOff = await startTestBot({ env: { SERVICE_REQUESTS_LEGACY_API: 'false' } });
    try {
      const conversationId = 'legacy-off';
      await legacyOff.post(
        messageActivity('new ticket contoso190', {
          serviceUrl: legacyOff.connector.serviceUrl,
          conversationId,
        }),
      );
      const [reply] = await legacyOff.connector.waitFor(1, conversationId);
      const texts = cardTexts(cardOf(reply as never)).join('\n');
      expect(texts).toContain('Partner Center does not offer this through its API');
      expect(
        legacyOff.simulator.calls.count(routes.topics) + legacyOff.simulator.calls.count(routes.create),
      ).toBe(0);
    } finally {
      await legacyOff.close();
    }
  });

  it('is for agents: a viewer is refused, and the refusal is audited', async () => {
    const { card } = await say('new ticket contoso190', users.isaiah);
    expect(cardTexts(card).join('\n')).toMatch(/Your role does not allow this/);
    const denied = await bot.store.audit.query({
      actorId: users.isaiah.aadObjectId,
      action: 'authorize:new ticket',
    });
    expect(denied[0]).toMatchObject({
      outcome: 'denied',
      details: { permission: 'ticket.write', reason: 'AUTHZ_DENIED' },
    });
  });

  it('audits a created request with the customer and the request id', async () => {
    const { submit, conversationId } = await openForm('contoso190', users.megan);
    await click('ticket.create', { ...submit, ...valid }, conversationId, users.megan);
    const [entry] = await bot.store.audit.query({
      actorId: users.megan.aadObjectId,
      action: 'ticket.create',
    });
    expect(entry).toMatchObject({
      outcome: 'succeeded',
      customerId: contoso190,
      details: {
        result: 'created',
        serviceRequestId: expect.stringMatching(/^\d{15}$/),
        severity: 'moderate',
      },
    });
  });

  it('opens the form from the customer card button', async () => {
    const conversationId = 'customer-card-new-ticket';
    const answer = await click('customer.newTicket', { customerId: contoso190 }, conversationId);
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    const [form] = await bot.connector.waitFor(1, conversationId);
    expect(cardTexts(cardOf(form as never)).join('\n')).toContain('New service request for Contoso190');
  });
});

describe('tickets and ticket', () => {
  it("lists a customer's requests with status, newest first, each with a Details button (one list call)", async () => {
    const { card } = await say(`tickets ${dakotaMall}`);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('Service requests of Dakota mall');
    expect(texts).toContain('Mailbox migration stuck');
    expect(texts).toContain('Waiting for you');
    expect(action(card, 'ticket.open').data).toEqual({
      serviceRequestId: '617290345512881',
      customerId: dakotaMall,
    });
    expect(action(card, 'customer.newTicket').data).toEqual({ customerId: dakotaMall });
    expect(bot.simulator.calls.byRoute()).toEqual({
      'GET /v1/customers/{customer-tenant-id}': 1,
      [routes.list]: 1,
    });
  });

  it('opens the list from the customer card button, and shows viewers no New ticket button', async () => {
    const conversationId = 'customer-card-tickets';
    await click('customer.tickets', { customerId: dakotaMall }, conversationId, users.isaiah);
    const [list] = await bot.connector.waitFor(1, conversationId);
    const card = cardOf(list as never);
    expect(cardTexts(card).join('\n')).toContain('Mailbox migration stuck');
    expect(cardActions(card).map((button) => button.verb)).not.toContain('customer.newTicket');
  });

  it('shows one request with its notes; an agent adds a note once and closes it (PATCH)', async () => {
    const { card, conversationId } = await say('ticket 617290345512881');
    expect(cardTexts(card).join('\n')).toContain('Please send the migration batch name.');
    const addNote = action(card, 'ticket.addNote');
    bot.simulator.calls.reset();

    const note = 'Batch name: DM-2024-02 (sent by "Alex")';
    const added = await click('ticket.addNote', { ...addNote.data, note }, conversationId);
    expect(cardTexts(added.value).join('\n')).toContain('Note added.');
    expect(cardTexts(added.value)).toContain(note);
    const again = await click('ticket.addNote', { ...addNote.data, note }, conversationId);
    expect(cardTexts(again.value).join('\n')).toContain('This note was added already.');
    expect(bot.simulator.calls.count(routes.update)).toBe(1);

    const closed = await click('ticket.close', action(added.value, 'ticket.close').data, conversationId);
    const texts = cardTexts(closed.value).join('\n');
    expect(texts).toContain('Service request closed.');
    expect(texts).toContain('Closed');
    expect(cardActions(closed.value).map((button) => button.verb)).not.toContain('ticket.close');
    expect(bot.simulator.calls.count(routes.update)).toBe(2);
  });

  it('refuses an empty note next to the box, and keeps a note typed before Close', async () => {
    const { card, conversationId } = await say('ticket 615112491169010');
    const empty = await click(
      'ticket.addNote',
      { ...action(card, 'ticket.addNote').data, note: '  ' },
      conversationId,
    );
    expect(cardTexts(empty.value).join('\n')).toContain('Type the note first.');
    const refreshed = await click(
      'ticket.refresh',
      { serviceRequestId: '615112491169010', note: 'half-typed note' },
      conversationId,
    );
    expect(inputs(refreshed.value)).toEqual({ note: 'half-typed note' });
  });

  it('shows viewers the request without the note box or Close, and refuses their PATCH', async () => {
    const { card, conversationId } = await say('ticket 616122292874576', users.isaiah);
    const verbs = cardActions(card).map((button) => button.verb);
    expect(verbs).toEqual(['ticket.refresh']);
    expect(inputs(card)).toEqual({});
    const refused = await click(
      'ticket.close',
      { serviceRequestId: '616122292874576' },
      conversationId,
      users.isaiah,
    );
    expect(cardTexts(refused.value).join('\n')).toMatch(/Your role does not allow this/);
    expect(bot.simulator.calls.count(routes.update)).toBe(0);
  });

  it('explains an id that is not one, and a request Partner Center does not have', async () => {
    expect(cardTexts((await say('ticket abc/../1')).card).join('\n')).toMatch(/is not a service request id/);
    expect(cardTexts((await say('ticket 999999999999999')).card).join('\n')).toMatch(
      /Partner Center has no service request 999999999999999/,
    );
  });

  it('asks for the customer when none is typed, and answers the lookup cards otherwise', async () => {
    expect(cardTexts((await say('tickets')).card).join('\n')).toMatch(
      /Type the customer too, for example: tickets contoso/,
    );
    expect(cardTexts((await say('tickets contoso')).card).join('\n')).toMatch(/Customers matching “contoso”/);
    expect(cardTexts((await say('tickets nobody-such')).card).join('\n')).toMatch(/No customer matches/);
  });
});
