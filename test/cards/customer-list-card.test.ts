import { maxRowTextLength } from '../../src/cards/clip';
import { customerListCard, maxCustomerListRows } from '../../src/cards/customer-list-card';
import { cardByteLength, maxCardBytes } from '../../src/cards/render-card';
import { strings } from '../../src/i18n/strings';
import { executeActions, textRuns } from './card-tree';
import { sampleCustomer } from './sample-cards';

const text = strings('en-US');
const contoso190 = sampleCustomer('Contoso190', 'c5757d70-06f3-4f23-8367-5a9e55019f94');
const contoso = [contoso190, sampleCustomer('Contoso', '7b26b357-9ca3-48b8-a58e-4febe2662a5d')];

describe('customer list card', () => {
  it('titles the list with the query and how many are shown', () => {
    const runs = textRuns(customerListCard({ query: 'cont', customers: contoso }, text));
    expect(runs.slice(0, 2)).toEqual(['Customers matching “cont”', 'Showing 2.']);
  });

  it('shows company name, domain and tenant id per row, each with a Select button for that customer', () => {
    const card = customerListCard({ query: 'cont', customers: contoso }, text);
    expect(textRuns(card).slice(2)).toEqual([
      'Contoso190',
      'Contoso190',
      'c5757d70-06f3-4f23-8367-5a9e55019f94',
      'Contoso',
      'Contoso',
      '7b26b357-9ca3-48b8-a58e-4febe2662a5d',
    ]);
    expect(executeActions(card).map(({ title, verb, data }) => ({ title, verb, data }))).toEqual([
      {
        title: 'Select',
        verb: 'customer.select',
        data: { customerId: 'c5757d70-06f3-4f23-8367-5a9e55019f94' },
      },
      {
        title: 'Select',
        verb: 'customer.select',
        data: { customerId: '7b26b357-9ca3-48b8-a58e-4febe2662a5d' },
      },
    ]);
  });

  it('offers "Show more" with the search id only when more customers match', () => {
    const more = customerListCard({ query: 'cont', customers: contoso, searchId: 'search-1' }, text);
    expect(textRuns(more)[1]).toBe('Showing the first 2. More customers match.');
    expect(executeActions(more).at(-1)).toMatchObject({
      title: 'Show more',
      verb: 'lookup.more',
      data: { searchId: 'search-1' },
    });
    const last = customerListCard({ query: 'cont', customers: contoso }, text);
    expect(executeActions(last).map((action) => action.verb)).not.toContain('lookup.more');
  });

  it(`holds at most ${maxCustomerListRows} rows`, () => {
    const customers = Array.from({ length: maxCustomerListRows + 1 }, () => contoso190);
    expect(() => customerListCard({ query: 'cont', customers }, text)).toThrow(RangeError);
  });

  it('fits Teams with a full page of the longest names in 4-byte characters', () => {
    const huge = '😀'.repeat(1000);
    const customers = Array.from({ length: maxCustomerListRows }, () =>
      sampleCustomer(huge, 'c5757d70-06f3-4f23-8367-5a9e55019f94'),
    );
    const card = customerListCard(
      { query: huge, customers, searchId: '0b7e6a1c-3d0f-4c55-9a53-5a2f5e0b1f33' },
      text,
    );
    expect(cardByteLength(card)).toBeLessThanOrEqual(maxCardBytes);
    expect(Array.from(textRuns(card)[2] ?? '')).toHaveLength(maxRowTextLength);
  });
});
