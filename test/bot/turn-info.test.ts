import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import { callContextOf, clientInfoOf, localeOf, timeZoneOf, turnInfo } from '../../src/bot/turn-info';

/** An activity as Teams sends it: `locale`, and the client's own facts in the `clientInfo` entity. */
function activity(locale: string | undefined, clientInfo?: Record<string, unknown>): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    locale,
    entities: clientInfo ? [{ type: 'mention' }, { type: 'clientInfo', ...clientInfo }] : undefined,
  };
}

describe('the client info entity', () => {
  it('gives locale, IANA time zone, country and platform', () => {
    expect(
      clientInfoOf(
        activity('fr-FR', { locale: 'fr-FR', timezone: 'Europe/Paris', country: 'FR', platform: 'Web' }),
      ),
    ).toEqual({ locale: 'fr-FR', timezone: 'Europe/Paris', country: 'FR', platform: 'Web' });
  });

  it('is empty when Teams sent none, and ignores fields that are not text', () => {
    expect(clientInfoOf(activity('en-US'))).toEqual({});
    expect(clientInfoOf(activity('en-US', { timezone: 42, locale: ['fr-FR'] }))).toEqual({
      locale: undefined,
      timezone: undefined,
      country: undefined,
      platform: undefined,
    });
    expect(clientInfoOf({ entities: 'clientInfo' as never })).toEqual({});
  });
});

describe('the turn’s locale', () => {
  it('is activity.locale, resolved to a supported one', () => {
    expect(localeOf(activity('fr-CA'))).toBe('fr-FR');
    expect(localeOf(activity('zh-HK'))).toBe('zh-TW');
    expect(localeOf(activity('zh-CN'))).toBe('zh-CN');
    expect(localeOf(activity('de-DE'))).toBe('en-US');
  });

  it('wins over the clientInfo locale', () => {
    expect(localeOf(activity('zh-TW', { locale: 'fr-FR' }))).toBe('zh-TW');
  });

  it('comes from clientInfo when activity.locale is missing or not a locale', () => {
    expect(localeOf(activity(undefined, { locale: 'fr-FR' }))).toBe('fr-FR');
    expect(localeOf(activity('en-US\r\nX-Evil: 1', { locale: 'zh_CN' }))).toBe('zh-CN');
  });

  it('is en-US when neither says', () => {
    expect(localeOf(activity(undefined))).toBe('en-US');
    expect(localeOf(activity('', { locale: '' }))).toBe('en-US');
  });
});

describe('the turn’s time zone', () => {
  it('is the clientInfo IANA name, canonical', () => {
    expect(timeZoneOf(activity('en-US', { timezone: 'America/New_York' }))).toBe('America/New_York');
    expect(timeZoneOf(activity('en-US', { timezone: 'asia/taipei' }))).toBe('Asia/Taipei');
  });

  it('is UTC when missing or unknown to Intl', () => {
    expect(timeZoneOf(activity('en-US'))).toBe('UTC');
    expect(timeZoneOf(activity('en-US', { timezone: 'Mars/Olympus_Mons' }))).toBe('UTC');
    expect(timeZoneOf(activity('en-US', { timezone: '' }))).toBe('UTC');
  });
});

describe('turn info', () => {
  it('carries the resolved locale and the time zone, and gives Partner Center the resolved locale', () => {
    const context = new TurnContext(
      new TestAdapter(),
      activity('fr-CA', { timezone: 'europe/paris' }) as Activity,
    );
    const info = turnInfo(context);
    expect(info).toMatchObject({ locale: 'fr-FR', timeZone: 'Europe/Paris' });
    expect(turnInfo(context)).toBe(info);
    expect(callContextOf(info)).toEqual({ correlationId: info.correlationId, locale: 'fr-FR' });
  });
});
