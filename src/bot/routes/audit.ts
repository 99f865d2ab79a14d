import { z } from 'zod';
import { messageCard } from '../../cards';
import { decodeAuditCursor, parseAuditFilters } from '../../dialogs/audit-filters';
import { auditPageCard } from '../../dialogs/audit-view';
import { AppError } from '../../errors';
import type { AuditLog } from '../../store/store';
import { cardResponse, sendCard, textFor } from '../replies';
import { type CardActionRoute, type CommandRoute, cardAction } from '../routes';

/** `audit` (admins): the latest audit entries, filtered and paged. */
export function auditCommands(audit: AuditLog): CommandRoute[] {
  return [
    {
      name: 'audit',
      argumentsKey: 'usage.audit',
      descriptionKey: 'help.command.audit',
      group: 'administration',
      permission: 'audit.read',
      run: async (turn, argument) => {
        const text = textFor(turn.info);
        const parsed = parseAuditFilters(argument);
        if ('problem' in parsed) {
          await sendCard(
            turn.context,
            messageCard({
              style: 'warning',
              title: text.t('audit.problem.title', { token: parsed.problem }),
              details: [text.t('audit.problem.usage')],
            }),
          );
          return { details: { problem: 'filter' } };
        }
        const { card, shown } = await auditPageCard(audit, parsed.filters, undefined, text);
        await sendCard(turn.context, card);
        return { customerId: parsed.filters.customerId, details: { shown } };
      },
    },
  ];
}

export function auditCardActions(audit: AuditLog): CardActionRoute[] {
  return [
    cardAction({
      verb: 'audit.more',
      permission: 'audit.read',
      data: z.object({ cursor: z.string().max(2048) }).strip(),
      run: async (turn, data) => {
        const text = textFor(turn.info);
        const page = decodeAuditCursor(data.cursor);
        if (!page) throw new AppError('CARD_ACTION_INVALID', 'audit cursor rejected');
        const { card, shown } = await auditPageCard(audit, page.filters, page.before, text);
        return { response: cardResponse(card), outcome: { details: { shown } } };
      },
    }),
  ];
}
