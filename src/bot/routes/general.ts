import { allows, type Role } from '../../auth/roles';
import { type HelpCommand, helpCard, whoamiCard } from '../../cards';
import type { Strings } from '../../i18n/strings';
import { sendCard, textFor } from '../replies';
import type { CommandRoute } from '../routes';

/** The commands `roles` allow, as help (and the welcome card) list them. */
export function helpCommandsFor(
  commands: readonly CommandRoute[],
  roles: readonly Role[],
  text: Strings,
): HelpCommand[] {
  return commands
    .filter((route) => allows(roles, route.permission))
    .map((route) => ({
      command: route.argumentsKey ? `${route.name} ${text.t(route.argumentsKey)}` : route.name,
      description: text.t(route.descriptionKey),
      group: route.group,
    }));
}

/** `help` and `whoami`: what the caller may do, and who the bot thinks they are. */
export function generalCommands(allCommands: () => readonly CommandRoute[]): CommandRoute[] {
  return [
    {
      name: 'help',
      descriptionKey: 'help.command.help',
      group: 'general',
      permission: 'help',
      run: async (turn) => {
        const text = textFor(turn.info);
        const commands = helpCommandsFor(allCommands(), turn.roles, text);
        await sendCard(turn.context, helpCard({ commands }, text));
        return undefined;
      },
    },
    {
      name: 'whoami',
      descriptionKey: 'help.command.whoami',
      group: 'general',
      permission: 'help',
      run: async (turn) => {
        const { caller } = turn.info;
        const text = textFor(turn.info);
        await sendCard(
          turn.context,
          whoamiCard(
            {
              displayName: caller.name ?? text.t('identity.unknown'),
              objectId: caller.aadObjectId ?? text.t('identity.unknown'),
              tenantId: caller.tenantId ?? text.t('identity.unknown'),
              roles: turn.roles,
            },
            text,
          ),
        );
        return undefined;
      },
    },
  ];
}
