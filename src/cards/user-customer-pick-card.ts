import type { Customer, CustomerUser } from '../api/models';
import type { Strings } from '../i18n/strings';
import { clip, maxRowTextLength } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/user-customer-pick.json';

export const maxPickRows = 10;

/** What choosing a row does: open the users or deleted users list, or prepare a reset or a restore. */
export type PickPurpose = 'users' | 'deletedUsers' | 'resetPassword' | 'restore';

export interface UserCustomerPickCardData {
  purpose: PickPurpose;
  title: string;
  text: string;
  /** For resetPassword and restore, each row names the user found in that customer. */
  rows: readonly { customer: Customer; user?: CustomerUser }[];
}

interface PickView {
  purpose: PickPurpose;
  title: string;
  text: string;
  choose: string;
  firstPage: string;
  rows: {
    companyName: string;
    domain: string;
    tenantId: string;
    user?: string;
    customerId: string;
    userId: string;
  }[];
}

const template = defineTemplate<PickView>('userCustomerPick', json);

/** The question when a customer name or a UPN's domain fits several customers. */
export function userCustomerPickCard(data: UserCustomerPickCardData, text: Strings): AdaptiveCard {
  if (data.rows.length > maxPickRows) throw new RangeError(`A pick card holds at most ${maxPickRows} rows`);
  return renderCard(template, {
    purpose: data.purpose,
    title: data.title,
    text: data.text,
    choose: text.t('userPick.choose'),
    firstPage: '0',
    rows: data.rows.map(({ customer, user }) => ({
      companyName: clip(customer.companyProfile.companyName, maxRowTextLength),
      domain: clip(customer.companyProfile.domain, maxRowTextLength),
      tenantId: clip(customer.companyProfile.tenantId, maxRowTextLength),
      user:
        user &&
        clip(`${user.displayName ?? user.userPrincipalName} · ${user.userPrincipalName}`, maxRowTextLength),
      customerId: customer.id,
      userId: user?.id ?? '',
    })),
  });
}
