/**
 * The argument of `suspend` and `reactivate` (pure): `<customer> <subscription id> [because <reason>]`.
 * The customer is anything `lookup` accepts (tenant id, domain, start of the company name), so it may hold
 * spaces; the subscription id is the GUID that ends it.
 */

export interface SubscriptionCommand {
  customer: string;
  subscriptionId: string;
  /** The text after "because", trimmed; '' when there is none. */
  reason: string;
}

const pattern =
  /^(.*\S)\s+[{(]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[})]?(?:\s+because(?:\s+([\s\S]*))?)?$/i;

export function parseSubscriptionCommand(argument: string): SubscriptionCommand | undefined {
  const match = pattern.exec(argument.trim());
  if (!match) return undefined;
  const [, customer = '', subscriptionId = '', reason = ''] = match;
  return { customer: customer.trim(), subscriptionId: subscriptionId.toLowerCase(), reason: reason.trim() };
}
