import { noRoleCard } from '../../src/cards/no-role-card';
import { strings } from '../../src/i18n/strings';
import { nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const ids = {
  objectId: '6e668259-1f09-479d-bcb8-d9b03e826b8d',
  tenantId: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04',
};

describe('no-role card', () => {
  const card = noRoleCard(ids, text);

  it('explains politely that a role is missing and what to ask for', () => {
    expect(textRuns(card).slice(0, 3)).toEqual([
      text.t('noRole.title'),
      text.t('noRole.text'),
      text.t('noRole.ask'),
    ]);
    expect(text.t('noRole.ask')).toMatch(/viewer role/);
  });

  it('shows the object id and tenant id in monospace for the administrator to copy', () => {
    const monospace = nodesOfType(card, 'TextRun').filter((run) => run.fontType === 'Monospace');
    expect(monospace.map((run) => run.text)).toEqual([ids.objectId, ids.tenantId]);
  });
});
