import { resetConfirmationCard } from '../../src/cards/reset-confirmation-card';
import { resetResultCard } from '../../src/cards/reset-result-card';
import { strings } from '../../src/i18n/strings';
import { allNodes, executeActions, nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const target = {
  customerId: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
  companyName: 'Dakota mall',
  userId: '94a1f736-6795-4519-adf4-c10a9eb2d533',
  displayName: 'Alex Wilber',
  userPrincipalName: 'alex.wilber@dakotamall.onmicrosoft.com',
};
const at = new Date('2026-03-02T10:20:30Z');

describe('reset confirmation card', () => {
  const card = resetConfirmationCard({ target, operationId: '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33' }, text);

  it('names the customer and the user, and carries only the operation id on Confirm', () => {
    expect(textRuns(card)).toEqual(
      expect.arrayContaining(['Reset the password of Alex Wilber?', 'Dakota mall', target.userPrincipalName]),
    );
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: 'user.confirmReset',
        data: { operationId: '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33' },
      }),
    ]);
  });

  it('has the "require change at next sign-in" toggle, on by default', () => {
    expect(nodesOfType(card, 'Input.Toggle')).toEqual([
      expect.objectContaining({ id: 'forceChange', value: 'true', valueOn: 'true', valueOff: 'false' }),
    ]);
  });
});

describe('reset result card', () => {
  it('shows the password only when given it (the requester-only variant)', () => {
    const mine = resetResultCard(
      { target, agent: 'Alex Agent', at, forceChange: true, password: 'Xy7#kq2Mv9$pLr4W' },
      text,
    );
    expect(textRuns(mine)).toContain('Xy7#kq2Mv9$pLr4W');
    const shared = resetResultCard({ target, agent: 'Alex Agent', at, forceChange: true }, text);
    expect(JSON.stringify(shared)).not.toContain('Xy7#kq2Mv9$pLr4W');
    expect(textRuns(shared)[0]).toBe(
      'Password reset for alex.wilber@dakotamall.onmicrosoft.com by Alex Agent',
    );
    expect(nodesOfType(shared, 'TextBlock').map((block) => block.text)).toEqual([
      'Mar 2, 2026, 10:20 AM UTC',
    ]);
    expect(allNodes(shared).some((node) => String(node.type).startsWith('Action.'))).toBe(false);
  });

  it('says whether the user must change the password', () => {
    expect(textRuns(resetResultCard({ target, agent: 'A', at, forceChange: false }, text))).toContain(
      'The user may keep it (no change required at the next sign-in).',
    );
  });
});
