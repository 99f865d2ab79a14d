import type { Customer } from '../api/models';
import type { Strings } from '../i18n/strings';
import { clip, maxRowTextLength } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/customer-list.json';

/** The most rows one list card holds; with long names in any script the card stays under the Teams limit. */
export const maxCustomerListRows = 10;

export interface CustomerListCardData {
  query: string;
  /** The page to show, at most `maxCustomerListRows`. */
  customers: readonly Customer[];
  /** Set only when more customers match: the "Show more" button carries it. */
  searchId?: string;
}

interface CustomerListView {
  title: string;
  shown: string;
  select: string;
  customers: { companyName: string; domain: string; tenantId: string; customerId: string }[];
  more?: { title: string; searchId: string };
}

const template = defineTemplate<CustomerListView>('customerList', json);

export function customerListCard(data: CustomerListCardData, text: Strings): AdaptiveCard {
  if (data.customers.length > maxCustomerListRows) {
    throw new RangeError(`A customer list card holds at most ${maxCustomerListRows} rows`);
  }
  const count = data.customers.length;
  return renderCard(template, {
    title: text.t('customerList.title', { query: data.query }),
    shown: data.searchId
      ? text.t('customerList.shownMore', { count })
      : text.t('customerList.shown', { count }),
    select: text.t('customerList.select'),
    customers: data.customers.map((customer) => ({
      companyName: clip(customer.companyProfile.companyName, maxRowTextLength),
      domain: clip(customer.companyProfile.domain, maxRowTextLength),
      tenantId: clip(customer.companyProfile.tenantId, maxRowTextLength),
      customerId: customer.id,
    })),
    more: data.searchId ? { title: text.t('customerList.more'), searchId: data.searchId } : undefined,
  });
}
