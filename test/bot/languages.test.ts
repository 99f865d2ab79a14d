import { PartnerCenterClient } from '../../src/api/partner-center-client';
import { noTokenProvider } from '../../src/api/token-provider';
import { strings } from '../../src/i18n/strings';
import { silentLogger } from '../../src/log';
import { cardActionActivity, messageActivity, users } from '../support/activities';
import { cardActions, cardOf, cardTexts, startTestBot, type TestBot } from '../support/test-bot';

/**
 * Languages over real HTTP: Teams-shaped activities with `locale` and the `clientInfo` entity in, cards out
 * through the local connector, Partner Center served by the simulator. The simulator names support topics in
 * the X-Locale it receives (French for fr-FR only) and derives a service request's country from the agent
 * locale in its path, so both show what the bot sent.
 */

const contoso190 = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const createRoute = 'POST /v1/servicerequests/{agent-locale}';

let bot: TestBot;
let conversation = 0;

/** Teams' `clientInfo` entity, as the Teams clients send it with every activity. */
const clientInfo = (timezone: string, locale?: string) => ({
  type: 'clientInfo',
  ...(locale ? { locale } : {}),
  timezone,
  country: 'CA',
  platform: 'Web',
});

async function say(text: string, locale: string | undefined, entity: object) {
  const conversationId = `languages-${++conversation}`;
  const activity = messageActivity(text, { serviceUrl: bot.connector.serviceUrl, conversationId, locale });
  const response = await bot.post({ ...activity, locale, entities: [entity] });
  expect(response.status).toBe(200);
  const [reply] = await bot.connector.waitFor(1, conversationId);
  return { card: cardOf(reply as never), conversationId };
}

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

describe('the language of a turn', () => {
  it('is activity.locale resolved to a supported one: a zh-HK user reads Traditional Chinese', async () => {
    const { card } = await say('help', 'zh-HK', clientInfo('Asia/Hong_Kong'));
    expect(cardTexts(card)).toContain(strings('zh-TW').t('help.title'));
  });

  it('comes from clientInfo when the activity has no locale', async () => {
    const { card } = await say('help', undefined, clientInfo('Asia/Shanghai', 'zh-CN'));
    expect(cardTexts(card)).toContain(strings('zh-CN').t('help.title'));
  });

  it('translates what follows a command in help, never the command people type', async () => {
    const { card } = await say('help', 'fr-FR', clientInfo('Europe/Paris'));
    const french = strings('fr-FR');
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        `lookup ${french.t('usage.lookup')}`,
        `reset password ${french.t('usage.resetPassword')}`,
        `suspend ${french.t('usage.suspend')}`,
        'help',
      ]),
    );
    expect(cardTexts(card).join('\n')).not.toContain(strings('en-US').t('usage.lookup'));
  });

  it('is en-US for a language the bot does not speak', async () => {
    const { card } = await say('help', 'de-DE', clientInfo('Europe/Berlin'));
    expect(cardTexts(card)).toContain(strings('en-US').t('help.title'));
  });
});

describe('Partner Center calls of a French-Canadian agent (fr-CA, resolved to fr-FR)', () => {
  it('ask for response texts in fr-FR (X-Locale): the support topics come back in French', async () => {
    const { card } = await say('topics', 'fr-CA', clientInfo('America/Toronto'));
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain('Impossible de gérer mon profil');
    expect(texts).not.toContain('Cannot manage my profile');
  });

  it('create a service request under the agent locale fr-FR, and show its time in the agent’s zone', async () => {
    const entity = clientInfo('America/Toronto');
    const { card: form, conversationId } = await say(`new ticket ${contoso190}`, 'fr-CA', entity);
    const submit = cardActions(form).find((candidate) => candidate.verb === 'ticket.create');
    if (!submit) throw new Error('no ticket.create button');
    bot.simulator.calls.reset();
    const click = cardActionActivity(
      'ticket.create',
      {
        ...submit.data,
        topicId: '32444675',
        title: 'Licences manquantes après achat',
        description: 'Trois utilisateurs n’ont pas de licence depuis lundi.',
        severity: 'moderate',
        contactName: 'Mélanie Tremblay',
        contactEmail: 'm.tremblay@example.ca',
        contactPhone: '+1 514 555 0100',
      },
      { serviceUrl: bot.connector.serviceUrl, conversationId, user: users.alex, locale: 'fr-CA' },
    );
    const answer = await bot.post({ ...click, entities: [entity] });
    expect(bot.simulator.calls.byRoute()).toEqual({ [createRoute]: 1 });
    const created = answer.body as { value: unknown };
    const texts = cardTexts(created.value).join('\n');
    const id = /\d{15}/.exec(texts)?.[0];
    if (!id) throw new Error(`no service request id in ${texts}`);

    const partnerCenter = new PartnerCenterClient({
      baseUrl: bot.simulator.url,
      tokens: noTokenProvider,
      logger: silentLogger(),
    });
    try {
      const request = await partnerCenter.getServiceRequest({ correlationId: 'languages-check' }, id);
      // The simulator takes the country from the agent locale in the path: FR, not CA.
      expect(request.countryCode).toBe('FR');
      if (!request.createdDate) throw new Error('no creation date');
      const shown = strings('fr-FR', 'America/Toronto').dateTime(new Date(request.createdDate));
      expect(texts).toContain(shown);
      expect(shown).not.toContain('UTC');
    } finally {
      await partnerCenter.close();
    }
    expect(texts).toContain(strings('fr-FR').t('ticket.field.created'));
  });
});
