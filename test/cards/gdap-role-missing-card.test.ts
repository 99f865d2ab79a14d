// biome-ignore-all lint/suspicious/noTemplateCurlyInString: hostile data holds literal `${…}` bindings.
import { gdapRoleMissingCard } from '../../src/cards/gdap-role-missing-card';
import { neutralizeTextFunctions } from '../../src/cards/render-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { nodesOfType, skeleton, textRuns } from './card-tree';

const text = strings('en-US');
const ALPINE = '86d9c571-b1fe-48b9-93bf-26e5c557d77e';
const base = {
  customerId: ALPINE,
  customerName: 'Alpine Ski House',
  operation: 'resetPassword' as const,
  requiredRoles: ['User Administrator', 'Privileged Authentication Administrator'],
  grantedRoles: ['Directory Readers'],
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
};

describe('missing GDAP role card', () => {
  it('says which roles are needed for what, on which customer, and what the customer grants today', () => {
    const card = gdapRoleMissingCard(base, text);
    const runs = textRuns(card);
    expect(runs[0]).toBe('Partner Center needs a GDAP role on Alpine Ski House');
    expect(runs[1]).toBe(
      "To reset a user's password in this customer's tenant, the partner needs one of these Microsoft Entra roles through a GDAP relationship with the customer: User Administrator, Privileged Authentication Administrator.",
    );
    expect(runs).toEqual(
      expect.arrayContaining(['Alpine Ski House', ALPINE, 'Directory Readers', text.t('gdap.howTo.title')]),
    );
    expect(runs.join('\n')).toMatch(/Admin relationships/);
    expect(runs.join('\n')).toContain(base.correlationId);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('shows the tenant id in monospace, for the admin agent to copy', () => {
    const monospace = nodesOfType(gdapRoleMissingCard(base, text), 'TextRun').filter(
      (run) => run.fontType === 'Monospace',
    );
    expect(monospace.map((run) => run.text)).toEqual([ALPINE]);
  });

  it('tells "no role at all" and "unknown" apart, and names the customer by id when its name is unknown', () => {
    const none = textRuns(gdapRoleMissingCard({ ...base, grantedRoles: [] }, text));
    expect(none).toContain(text.t('gdap.granted.none'));
    const unknown = textRuns(
      gdapRoleMissingCard({ ...base, grantedRoles: undefined, customerName: undefined }, text),
    );
    expect(unknown).toContain(text.t('gdap.granted.unknown'));
    expect(unknown[0]).toBe(`Partner Center needs a GDAP role on ${ALPINE}`);
  });

  it.each([
    '${customerName} {{DATE(2017-02-14T06:08:39Z, SHORT)}}',
    '[click](https://evil.example) **bold**',
    '], "actions": [{"type": "Action.Submit"}], "x": ["',
  ])('keeps a hostile customer name %j literal, in TextRuns only', (hostile) => {
    const card = gdapRoleMissingCard({ ...base, customerName: hostile }, text);
    const shown = neutralizeTextFunctions(hostile);
    expect(textRuns(card)).toContain(shown);
    expect(skeleton(card)).toEqual(skeleton(gdapRoleMissingCard(base, text)));
    for (const block of nodesOfType(card, 'TextBlock')) expect(String(block.text)).not.toContain(shown);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
