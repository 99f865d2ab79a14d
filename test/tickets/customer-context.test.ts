// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the agent's name may hold a literal placeholder.
import { strings } from '../../src/i18n/strings';
import { customerContextNote } from '../../src/tickets/customer-context';

const text = strings('en-US');
const customer = {
  id: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  companyName: 'Contoso190',
  domain: 'contoso190.onmicrosoft.com',
};

describe('the customer context note of a new service request', () => {
  it('names the customer, the customer contact and the agent, one per line', () => {
    expect(
      customerContextNote(
        customer,
        { name: 'Melvin Blanc', email: 'mblanc@outlook.com' },
        'Alex Wilber',
        text,
      ),
    ).toBe(
      [
        'Customer: Contoso190 (tenant id c5757d70-06f3-4f23-8367-5a9e55019f94, domain contoso190.onmicrosoft.com)',
        'Customer contact: Melvin Blanc, mblanc@outlook.com',
        'Filed by Alex Wilber through the Partner Helpdesk Bot',
      ].join('\n'),
    );
  });

  it('leaves out the contact and the agent when they are unknown', () => {
    expect(customerContextNote({ ...customer, domain: undefined }, undefined, undefined, text)).toBe(
      'Customer: Contoso190 (tenant id c5757d70-06f3-4f23-8367-5a9e55019f94, domain —)',
    );
  });

  it('keeps hostile text as it is (it goes to Partner Center as JSON)', () => {
    const note = customerContextNote(
      { ...customer, companyName: '"Quoted" {Braces} & 100% Co' },
      undefined,
      '${x}',
      text,
    );
    expect(note).toContain('"Quoted" {Braces} & 100% Co');
    expect(note).toContain('Filed by ${x}');
  });
});
