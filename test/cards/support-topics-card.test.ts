import { maxTopicRows, supportTopicsCard } from '../../src/cards/support-topics-card';
import { strings } from '../../src/i18n/strings';
import { textRuns } from './card-tree';

const text = strings('en-US');
const topics = [
  { id: '32444667', name: 'Partner Center Issues', description: 'Office 365 questions from CSP partners' },
  { id: '32444671', name: 'Cannot manage my profile' },
];

describe('support topics card', () => {
  it('lists each topic with its id and, when there is one, its description', () => {
    expect(textRuns(supportTopicsCard({ topics }, text))).toEqual([
      'Service request support topics',
      'Pick one of these when you open a service request (new ticket <customer>).',
      'Partner Center Issues',
      ' · ',
      '32444667',
      'Office 365 questions from CSP partners',
      'Cannot manage my profile',
      ' · ',
      '32444671',
    ]);
  });

  it('says when Partner Center lists none', () => {
    expect(textRuns(supportTopicsCard({ topics: [] }, text))).toContain(
      'Partner Center lists no support topics.',
    );
  });

  it(`shows at most ${maxTopicRows} topics and says how many there are`, () => {
    const many = Array.from({ length: maxTopicRows + 5 }, (_, index) => ({
      id: String(index),
      name: `Topic ${index}`,
    }));
    const runs = textRuns(supportTopicsCard({ topics: many }, text));
    expect(runs[1]).toBe(
      `The first ${maxTopicRows} of ${maxTopicRows + 5} topics. Pick one of these when you open a service request.`,
    );
    expect(runs.filter((run) => run.startsWith('Topic '))).toHaveLength(maxTopicRows);
  });
});
