import type { Customer, CustomerUser, DirectoryRole } from '../api/models';
import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/user-details.json';

export interface UserDetailsCardData {
  customer: Customer;
  user: CustomerUser;
  roles: readonly DirectoryRole[];
  /** The roles make the user a privileged target (a reset is refused). */
  privileged: boolean;
}

interface UserDetailsView {
  displayName: string;
  companyName: string;
  fields: Field[];
  privileged?: string;
  customerId: string;
  userId: string;
  buttons: { reset: string };
}

const template = defineTemplate<UserDetailsView>('userDetails', json);

function stateLabel(state: string | undefined, text: Strings): string | undefined {
  if (state === 'active') return text.t('userDetails.state.active');
  if (state === 'inactive') return text.t('userDetails.state.inactive');
  return state;
}

function userFields(data: UserDetailsCardData, text: Strings): Field[] {
  const { user, roles } = data;
  const fields = [field(text.t('userDetails.upn'), user.userPrincipalName)];
  if (user.firstName) fields.push(field(text.t('userDetails.firstName'), user.firstName));
  if (user.lastName) fields.push(field(text.t('userDetails.lastName'), user.lastName));
  if (user.usageLocation) fields.push(field(text.t('userDetails.usageLocation'), user.usageLocation));
  const state = stateLabel(user.state, text);
  if (state) fields.push(field(text.t('userDetails.state'), state));
  fields.push(idField(text.t('userDetails.objectId'), user.id));
  const roleNames = roles.map((role) => role.name).join(text.t('list.separator'));
  fields.push(field(text.t('userDetails.roles'), roleNames || text.t('userDetails.roles.none')));
  return fields;
}

export function userDetailsCard(data: UserDetailsCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    displayName: data.user.displayName ?? data.user.userPrincipalName,
    companyName: data.customer.companyProfile.companyName,
    fields: userFields(data, text),
    privileged: data.privileged ? text.t('userDetails.privileged') : undefined,
    customerId: data.customer.id,
    userId: data.user.id,
    buttons: { reset: text.t('users.action.reset') },
  });
}
