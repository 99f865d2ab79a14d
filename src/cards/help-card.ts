import type { Strings } from '../i18n/strings';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/help.json';

/** Help groups, in the order the card shows them. */
export const helpGroups = [
  'general',
  'customers',
  'users',
  'subscriptions',
  'support',
  'administration',
] as const;
export type HelpGroup = (typeof helpGroups)[number];

export interface HelpCommand {
  /** What to type, e.g. `lookup <name, domain or tenant id>`. */
  command: string;
  /** Localized description (e.g. `text.t('help.command.lookup')`). */
  description: string;
  group: HelpGroup;
}

export interface HelpCardData {
  /** Only the commands the user's roles allow. */
  commands: readonly HelpCommand[];
}

interface HelpView {
  title: string;
  empty?: string;
  groups: { title: string; commands: { command: string; description: string }[] }[];
  hint: string;
}

const template = defineTemplate<HelpView>('help', json);

/** Commands under their group titles, in the fixed group order, leaving out empty groups (help, welcome). */
export function commandGroups(commands: readonly HelpCommand[], text: Strings): HelpView['groups'] {
  return helpGroups
    .map((group) => ({
      title: text.t(`help.group.${group}`),
      commands: commands
        .filter((command) => command.group === group)
        .map(({ command, description }) => ({ command, description })),
    }))
    .filter((group) => group.commands.length > 0);
}

export function helpCard(data: HelpCardData, text: Strings): AdaptiveCard {
  const groups = commandGroups(data.commands, text);
  return renderCard(template, {
    title: text.t('help.title'),
    empty: groups.length === 0 ? text.t('help.empty') : undefined,
    groups,
    hint: text.t('help.hint'),
  });
}
