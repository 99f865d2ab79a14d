import type { ActivityJson } from './playground-page';
import type { PlaygroundConfig } from './playground-process';

/**
 * Activities to send with the Playground's custom activity editor (PlaygroundPage.sendCustomActivity), for what
 * the Playground (0.2.x) cannot send otherwise: its own typed messages and card-button invokes always say
 * `locale: "en-US"`, with a clientInfo entity in the zone of the Playground process.
 */

/** A reader as Teams describes them: their language, country and IANA time zone. */
export interface TeamsReader {
  locale: string;
  country: string;
  timeZone: string;
}

/**
 * A message typed by the Playground's current user as Teams sends it for `reader`: the Playground's template
 * (ids, service URL, conversation, sender, bot) with the text, the sender's name, the tenant, and the locale and
 * time zone both on the activity and in its clientInfo entity.
 */
export function teamsMessage(
  config: PlaygroundConfig,
  text: string,
  reader: TeamsReader,
): (template: ActivityJson) => ActivityJson {
  return (template) => ({
    ...template,
    type: 'message',
    text,
    textFormat: 'plain',
    locale: reader.locale,
    localTimezone: reader.timeZone,
    from: { ...(template.from as object), name: config.currentUser.name },
    channelData: { tenant: { id: config.tenantId } },
    entities: [
      {
        type: 'clientInfo',
        locale: reader.locale,
        country: reader.country,
        platform: 'Web',
        timezone: reader.timeZone,
      },
    ],
  });
}
