import { durationText, provisioningWatchCard } from '../../src/cards/provisioning-watch-card';
import { strings } from '../../src/i18n/strings';
import { allNodes, executeActions, textRuns } from './card-tree';

const text = strings('en-US');
const names = {
  customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  companyName: 'Contoso190',
  subscriptionId: '7d44a913-fd7d-40e8-bf16-ba4456f1f8ff',
  subscriptionName: 'Microsoft 365 Business Premium',
};
const styleOf = (card: unknown) => allNodes(card).find((node) => node.type === 'Container')?.style;

describe('provisioning watch card', () => {
  it('confirms a new watch with how often it checks and when it stops', () => {
    const card = provisioningWatchCard(
      { ...names, event: { kind: 'started', checkEveryMs: 300_000, giveUpAfterMs: 86_400_000 } },
      text,
    );
    expect(textRuns(card).slice(0, 2)).toEqual([
      'I will let you know',
      'I check Microsoft 365 Business Premium of Contoso190 every 5 minutes and message you here when provisioning is no longer pending. I stop after 1 day.',
    ]);
    expect(styleOf(card)).toBe('accent');
  });

  it.each([
    [{ kind: 'ready', status: 'success' } as const, 'good', 'Provisioning is done'],
    [{ kind: 'ready', status: 'failed' } as const, 'attention', 'Provisioning failed'],
    [{ kind: 'gaveUp', afterMs: 7_200_000 } as const, 'warning', 'I stopped watching'],
    [{ kind: 'alreadyWatching' } as const, 'accent', 'You are already watching this subscription'],
    [
      { kind: 'alreadyDone', status: 'success' } as const,
      'good',
      'Provisioning is no longer pending: Succeeded',
    ],
  ])('tells %j in the %s style', (event, style, title) => {
    const card = provisioningWatchCard({ ...names, event }, text);
    expect(styleOf(card)).toBe(style);
    expect(textRuns(card)[0]).toBe(title);
    expect(executeActions(card).map(({ verb, data }) => ({ verb, data }))).toEqual([
      {
        verb: 'subscription.provisioning',
        data: { customerId: names.customerId, subscriptionId: names.subscriptionId },
      },
    ]);
  });
});

describe('durations in words', () => {
  it.each([
    [60_000, '1 minute'],
    [300_000, '5 minutes'],
    [5_400_000, '90 minutes'],
    [3_600_000, '1 hour'],
    [86_400_000, '1 day'],
    [172_800_000, '2 days'],
    [1000, '1 minute'],
  ])('%i ms reads "%s"', (ms, words) => {
    expect(durationText(ms, text)).toBe(words);
  });
});
