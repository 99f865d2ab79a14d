import type { PlaygroundConfig, PlaygroundUser } from './playground-process';

/**
 * The Playground (0.2.x) has no way to change the current user in its page: the user comes from the config
 * file alone. To act as another person, the tests start a second Playground on the same bot with a config in
 * which that person is the current user. This builds that config from the one the first Playground serves.
 *
 * The file is written as JSON, which the Playground's YAML parser reads. It keeps the tenant, the bot, the
 * group chat and the team, and gives the personal chat its own id: the Playground uses the id of a config
 * file literally, so two Playgrounds with the repository's `__PERSONAL_CHAT_ID__` would share one
 * conversation in the bot's state.
 */

export interface PlaygroundConfigFile {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** The config file version the Playground 0.2.x accepts (as in playground/m365agentsplayground.yml). */
const CONFIG_FILE_VERSION = '0.1.1';

export function playgroundConfigAs(
  served: PlaygroundConfig,
  userName: string,
  personalChatId: string,
): PlaygroundConfigFile {
  const everyone = [served.currentUser, ...served.users];
  const current = everyone.find((user) => user.name === userName);
  if (!current) {
    throw new Error(
      `"${userName}" is not a user of the Playground config (${everyone.map((user) => user.name).join(', ')})`,
    );
  }
  const [groupChat] = served.groupChats;
  const [team] = served.teams;
  if (!groupChat || !team) throw new Error('the Playground config has no group chat or no team');
  return {
    version: CONFIG_FILE_VERSION,
    tenantId: served.tenantId,
    bot: served.bot,
    currentUser: current,
    users: everyone.filter((user) => user !== current),
    personalChat: { id: personalChatId },
    groupChat: { id: groupChat.id, name: groupChat.name },
    team: {
      id: team.id,
      name: team.name,
      aadGroupId: team.aadGroupId,
      // The served list includes General (its id is the team's), which a config file must not name.
      channels: team.channels
        .filter((channel) => channel.id !== team.id)
        .map(({ id, name }) => ({ id, name })),
    },
  };
}
