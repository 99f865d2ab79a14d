import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/message.json';

export type MessageStyle = 'info' | 'warning' | 'error';

/**
 * A titled message: validation problems, tenant not allowed, unknown command, authorization denied.
 * All text is localized by the caller.
 */
export interface MessageCardData {
  style: MessageStyle;
  title: string;
  text?: string;
  details?: readonly string[];
}

interface MessageView {
  containerStyle: 'accent' | 'warning' | 'attention';
  title: string;
  text?: string;
  details: readonly string[];
}

const template = defineTemplate<MessageView>('message', json);

const containerStyles: Readonly<Record<MessageStyle, MessageView['containerStyle']>> = {
  info: 'accent',
  warning: 'warning',
  error: 'attention',
};

export function messageCard(data: MessageCardData): AdaptiveCard {
  return renderCard(template, {
    containerStyle: containerStyles[data.style],
    title: data.title,
    text: data.text,
    details: data.details ?? [],
  });
}
