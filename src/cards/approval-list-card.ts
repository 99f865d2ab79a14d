import type { Strings } from '../i18n/strings';
import type { ApprovalRequest } from '../store/approvals';
import { partyName, requestSummary, type Viewer } from './approval-text';
import { clip, maxRowTextLength } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/approval-list.json';

/**
 * `approvals`: the requests waiting for a decision, oldest first, each with the buttons its viewer may use
 * (approvers Approve/Reject, the requester Cancel). The buttons carry only the request id.
 */

/** The most rows one list card holds; with long text in any script the card stays under the Teams limit. */
export const maxApprovalListRows = 10;

export interface ApprovalListRow {
  request: ApprovalRequest;
  viewer: Viewer;
}

export interface ApprovalListCardData {
  /** 'all' for approvers and admins, 'own' for a requester's own requests. */
  scope: 'all' | 'own';
  /** The oldest first, at most `maxApprovalListRows`. */
  rows: readonly ApprovalListRow[];
  /** How many are waiting in all (more than the rows when the list is cut). */
  total: number;
}

interface ApprovalListView {
  title: string;
  summary: string;
  rows: {
    requestId: string;
    title: string;
    detail: string;
    expiresLabel: string;
    at: string;
    hasButtons: boolean;
    buttons: { approve?: string; reject?: string; cancel?: string };
  }[];
}

const template = defineTemplate<ApprovalListView>('approvalList', json);

function rowButtons(row: ApprovalListRow, text: Strings): ApprovalListView['rows'][number]['buttons'] {
  if (row.viewer === 'approver')
    return { approve: text.t('approval.action.approve'), reject: text.t('approval.action.reject') };
  if (row.viewer === 'requester') return { cancel: text.t('approval.action.cancel') };
  return {};
}

export function approvalListCard(data: ApprovalListCardData, text: Strings): AdaptiveCard {
  if (data.rows.length > maxApprovalListRows) {
    throw new RangeError(`An approval list card holds at most ${maxApprovalListRows} rows`);
  }
  const count = data.rows.length;
  return renderCard(template, {
    title: text.t(data.scope === 'all' ? 'approvalList.title.all' : 'approvalList.title.own'),
    summary:
      count === 0
        ? text.t('approvalList.empty')
        : data.total > count
          ? text.t('approvalList.countMore', { count, total: data.total })
          : text.t('approvalList.count', { count }),
    rows: data.rows.map((row) => {
      const buttons = rowButtons(row, text);
      return {
        requestId: row.request.id,
        title: clip(requestSummary(row.request, text), maxRowTextLength + 20),
        detail: clip(
          row.request.reason
            ? text.t('approvalList.row.detail', {
                name: partyName(row.request.requester, text),
                reason: row.request.reason,
              })
            : text.t('approvalList.row.requester', { name: partyName(row.request.requester, text) }),
          maxRowTextLength + 20,
        ),
        expiresLabel: text.t('approval.time.expires'),
        at: text.dateTime(row.request.expiresAt),
        hasButtons: Object.keys(buttons).length > 0,
        buttons,
      };
    }),
  });
}
