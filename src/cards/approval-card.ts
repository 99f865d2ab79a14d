import { isFinal } from '../approvals/approval-state';
import type { Strings } from '../i18n/strings';
import type { ApprovalRequest } from '../store/approvals';
import {
  kindTitle,
  requestFields,
  requestStatus,
  requestTimeline,
  type StatusStyle,
  type TimelineEntry,
  type Viewer,
} from './approval-text';
import type { Field } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/approval.json';

/**
 * The approval card (Universal Actions): one card per request, the same for every kind. While the request is
 * open its `refresh` names the people whose Teams client asks the bot for their own view: approvers see
 * Approve/Reject and a comment box, the requester sees "waiting" and Cancel, anyone else the state. Once
 * settled it shows everyone the outcome and needs no refresh.
 */

/** Teams refreshes a card automatically for at most 60 users. */
export const maxRefreshUserIds = 60;

export type { Viewer } from './approval-text';

export interface ApprovalCardData {
  request: ApprovalRequest;
  /** Whose view this is. */
  viewer: Viewer;
  /** A line above the facts for this viewer, e.g. why their click changed nothing. */
  notice?: string;
  /** Teams user ids (MRIs) to refresh automatically while the request is open; clipped to 60. */
  refreshUserIds?: readonly string[];
}

interface ApprovalView {
  requestId: string;
  title: string;
  status: { text: string; style: StatusStyle };
  notice?: string;
  fields: Field[];
  timeline: TimelineEntry[];
  comment?: { label: string; placeholder: string };
  buttons: { approve?: string; reject?: string; cancel?: string };
  refresh?: { userIds: string[] };
}

const template = defineTemplate<ApprovalView>('approval', json);

function buttonsFor(request: ApprovalRequest, viewer: Viewer, text: Strings): ApprovalView['buttons'] {
  if (request.status !== 'pending') return {};
  if (viewer === 'approver')
    return { approve: text.t('approval.action.approve'), reject: text.t('approval.action.reject') };
  if (viewer === 'requester') return { cancel: text.t('approval.action.cancel') };
  return {};
}

export function approvalCard(data: ApprovalCardData, text: Strings): AdaptiveCard {
  const { request, viewer } = data;
  const userIds = [...new Set(data.refreshUserIds ?? [])].slice(0, maxRefreshUserIds);
  const card = renderCard(template, {
    requestId: request.id,
    title: kindTitle(request, text),
    status: requestStatus(request, viewer, text),
    notice: data.notice,
    fields: requestFields(request, text),
    timeline: requestTimeline(request, text),
    comment:
      request.status === 'pending' && viewer === 'approver'
        ? { label: text.t('approval.comment.label'), placeholder: text.t('approval.comment.placeholder') }
        : undefined,
    buttons: buttonsFor(request, viewer, text),
    refresh: data.refreshUserIds && !isFinal(request.status) ? { userIds } : undefined,
  });
  // The templating engine leaves `refresh: null` where its $when is false; a settled card has no refresh.
  if (card.refresh === null) delete card.refresh;
  return card;
}
