import type { SupportTopic } from '../api/models';
import type { Strings } from '../i18n/strings';
import { clip } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/support-topics.json';

/** `topics`: the service-request support topics, in the agent's language, with their ids. */
export interface SupportTopicsCardData {
  topics: readonly SupportTopic[];
}

/** The most topics one card lists (the documented list has 14). */
export const maxTopicRows = 40;
const maxTopicText = 200;

interface SupportTopicsView {
  title: string;
  intro: string;
  empty?: string;
  topics: { name: string; separator: string; id: string; description?: string }[];
}

const template = defineTemplate<SupportTopicsView>('supportTopics', json);

export function supportTopicsCard(data: SupportTopicsCardData, text: Strings): AdaptiveCard {
  const shown = data.topics.slice(0, maxTopicRows);
  return renderCard(template, {
    title: text.t('topics.title'),
    intro:
      shown.length < data.topics.length
        ? text.t('topics.introFirst', { count: shown.length, total: data.topics.length })
        : text.t('topics.intro'),
    empty: data.topics.length === 0 ? text.t('topics.empty') : undefined,
    topics: shown.map((topic) => ({
      name: clip(topic.name, maxTopicText),
      separator: text.t('topics.separator'),
      id: clip(topic.id, maxTopicText),
      description: topic.description ? clip(topic.description, maxTopicText) : undefined,
    })),
  });
}
