import type { Strings } from '../i18n/strings';
import { commandGroups, type HelpCommand } from './help-card';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/welcome.json';

/** Where the bot was installed: a personal chat, or a group chat or team channel (where it is @mentioned). */
export type WelcomeScope = 'personal' | 'shared';

export interface WelcomeCardData {
  /** The name of the user who installed the bot (outside text); Teams does not always send it. */
  name?: string;
  /** What that user's roles allow, as the help card lists it; at least one command. */
  commands: readonly HelpCommand[];
  scope: WelcomeScope;
}

interface WelcomeView {
  title: string;
  greeting: string;
  intro: string;
  groups: { title: string; commands: { command: string; description: string }[] }[];
  howTo: string;
  search: string;
}

const template = defineTemplate<WelcomeView>('welcome', json);

/** The short card posted when the bot is installed: what it does, and what this user may ask of it. */
export function welcomeCard(data: WelcomeCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    title: text.t('welcome.title'),
    greeting: data.name?.trim()
      ? text.t('welcome.greeting', { name: data.name.trim() })
      : text.t('welcome.greetingNoName'),
    intro: text.t('welcome.intro'),
    groups: commandGroups(data.commands, text),
    howTo: data.scope === 'personal' ? text.t('welcome.personal') : text.t('welcome.mention'),
    search: text.t('welcome.search'),
  });
}
