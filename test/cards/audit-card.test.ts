import { auditCard, maxAuditRows } from '../../src/cards/audit-card';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { strings } from '../../src/i18n/strings';
import type { AuditRecord } from '../../src/store/store';
import { executeActions, nodesOfType, textRuns } from './card-tree';
import { sampleAuditRecord } from './sample-cards';

const text = strings('en-US');
const denied: AuditRecord = {
  id: '2',
  at: new Date('2024-05-01T09:00:00.000Z'),
  actorId: '6e668259-1f09-479d-bcb8-d9b03e826b8d',
  roles: [],
  action: 'user.resetPassword',
  outcome: 'denied',
  correlationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
};

describe('audit card', () => {
  it('lists each row with time, action, outcome, actor, customer and correlation id', () => {
    const card = auditCard({ records: [sampleAuditRecord('Megan Bowen', 'id-1')], filters: {} }, text);
    expect(nodesOfType(card, 'TextBlock').map((block) => block.text)).toEqual(['May 1, 2024, 10:20 AM UTC']);
    expect(textRuns(card)).toEqual([
      'Audit log',
      'No filters: newest entries first.',
      'Megan Bowen',
      'Succeeded',
      'By Megan Bowen (id-1)',
      'Customer id-1',
      'Reference id-1',
    ]);
  });

  it('colours outcomes and leaves out the customer line when the row has none', () => {
    const card = auditCard({ records: [denied], filters: {} }, text);
    expect(nodesOfType(card, 'TextRun').find((run) => run.text === 'Denied')).toMatchObject({
      color: 'Warning',
    });
    expect(textRuns(card).slice(2)).toEqual([
      'user.resetPassword',
      'Denied',
      'By 6e668259-1f09-479d-bcb8-d9b03e826b8d',
      'Reference 0f8fad5b-d9cb-469f-a165-70867728950e',
    ]);
  });

  it('shows the active filters', () => {
    const filters = {
      since: new Date('2024-05-01T00:00:00Z'),
      customerId: 'c5757d70',
      action: 'user.restore',
    };
    expect(textRuns(auditCard({ records: [], filters }, text))[1]).toBe(
      'Filters: since May 1, 2024, 12:00 AM UTC, customer c5757d70, action user.restore',
    );
  });

  it('says so when nothing matches', () => {
    expect(textRuns(auditCard({ records: [], filters: {} }, text)).at(-1)).toBe(
      'No audit entries match these filters.',
    );
  });

  it('offers "Older entries" with the cursor only when there are more', () => {
    const more = auditCard({ records: [denied], filters: {}, nextCursor: 'cursor-1' }, text);
    expect(executeActions(more).map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      { title: 'Older entries', verb: 'audit.more', data: { cursor: 'cursor-1' } },
    ]);
    expect(executeActions(auditCard({ records: [denied], filters: {} }, text))).toEqual([]);
  });

  it(`holds at most ${maxAuditRows} rows`, () => {
    const records = Array.from({ length: maxAuditRows + 1 }, () => denied);
    expect(() => auditCard({ records, filters: {} }, text)).toThrow(RangeError);
  });

  it('fits Teams with a full page of the longest values in 4-byte characters', () => {
    const huge = '😀'.repeat(1000);
    const records = Array.from({ length: maxAuditRows }, () => sampleAuditRecord(huge));
    const filters = { customerId: huge, actorId: huge, action: huge };
    const card = auditCard({ records, filters, nextCursor: '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33' }, text);
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
  });
});

describe('audit card times', () => {
  it('are formatted by the bot in the reader’s locale and time zone, milliseconds and all', () => {
    const card = auditCard(
      { records: [sampleAuditRecord('Megan Bowen', 'id-1')], filters: {} },
      strings('fr-FR', 'Europe/Paris'),
    );
    expect(nodesOfType(card, 'TextBlock').map((block) => block.text)).toEqual(['1 mai 2024, 12:20']);
  });
});
