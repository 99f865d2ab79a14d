import { parseSubscriptionCommand } from '../../src/dialogs/subscription-command';

const id = '83ef9d05-4169-4ef9-9657-0e86b1eab1de';

describe('suspend and reactivate arguments', () => {
  it('reads customer, subscription id and reason', () => {
    expect(parseSubscriptionCommand(`contoso ${id} because unpaid since January`)).toEqual({
      customer: 'contoso',
      subscriptionId: id,
      reason: 'unpaid since January',
    });
  });

  it('takes a company name with spaces, a tenant id or a domain as the customer', () => {
    expect(parseSubscriptionCommand(`Wolfram & Hart ${id} because fraud`)?.customer).toBe('Wolfram & Hart');
    expect(parseSubscriptionCommand(`9f8a5686-b4e4-455a-acd6-4c3f9b1de284 ${id}`)?.customer).toBe(
      '9f8a5686-b4e4-455a-acd6-4c3f9b1de284',
    );
    expect(parseSubscriptionCommand(`contoso.onmicrosoft.com ${id} because x`)?.customer).toBe(
      'contoso.onmicrosoft.com',
    );
  });

  it('accepts an upper-case or braced subscription id, and keeps the reason as typed over several lines', () => {
    expect(parseSubscriptionCommand(`acme {${id.toUpperCase()}} BECAUSE Line one\nline "two"`)).toEqual({
      customer: 'acme',
      subscriptionId: id,
      reason: 'Line one\nline "two"',
    });
  });

  it('gives an empty reason when there is none, or only the word "because"', () => {
    expect(parseSubscriptionCommand(`acme ${id}`)?.reason).toBe('');
    expect(parseSubscriptionCommand(`acme ${id} because`)?.reason).toBe('');
  });

  it('refuses text without a customer or without a subscription id where it belongs', () => {
    expect(parseSubscriptionCommand(id)).toBeUndefined();
    expect(parseSubscriptionCommand('acme because unpaid')).toBeUndefined();
    expect(parseSubscriptionCommand(`acme ${id} unpaid`)).toBeUndefined();
    expect(parseSubscriptionCommand(`acme ${id.slice(0, -1)} because x`)).toBeUndefined();
    expect(parseSubscriptionCommand('')).toBeUndefined();
  });
});
