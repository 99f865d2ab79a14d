import approvalsEnUS from './en-US/approvals.json';
import coreEnUS from './en-US/core.json';
import errorsEnUS from './en-US/errors.json';
import identityEnUS from './en-US/identity.json';
import resilienceEnUS from './en-US/resilience.json';
import subscriptionsEnUS from './en-US/subscriptions.json';
import teamsEnUS from './en-US/teams.json';
import ticketsEnUS from './en-US/tickets.json';
import usersEnUS from './en-US/users.json';
import approvalsFrFR from './fr-FR/approvals.json';
import coreFrFR from './fr-FR/core.json';
import errorsFrFR from './fr-FR/errors.json';
import identityFrFR from './fr-FR/identity.json';
import resilienceFrFR from './fr-FR/resilience.json';
import subscriptionsFrFR from './fr-FR/subscriptions.json';
import teamsFrFR from './fr-FR/teams.json';
import ticketsFrFR from './fr-FR/tickets.json';
import usersFrFR from './fr-FR/users.json';
import type { SupportedLocale } from './locales';
import approvalsZhCN from './zh-CN/approvals.json';
import coreZhCN from './zh-CN/core.json';
import errorsZhCN from './zh-CN/errors.json';
import identityZhCN from './zh-CN/identity.json';
import resilienceZhCN from './zh-CN/resilience.json';
import subscriptionsZhCN from './zh-CN/subscriptions.json';
import teamsZhCN from './zh-CN/teams.json';
import ticketsZhCN from './zh-CN/tickets.json';
import usersZhCN from './zh-CN/users.json';
import approvalsZhTW from './zh-TW/approvals.json';
import coreZhTW from './zh-TW/core.json';
import errorsZhTW from './zh-TW/errors.json';
import identityZhTW from './zh-TW/identity.json';
import resilienceZhTW from './zh-TW/resilience.json';
import subscriptionsZhTW from './zh-TW/subscriptions.json';
import teamsZhTW from './zh-TW/teams.json';
import ticketsZhTW from './zh-TW/tickets.json';
import usersZhTW from './zh-TW/users.json';

/**
 * The text of every language: one resource folder per locale, one file per feature (core, users, tickets,
 * subscriptions, approvals, teams, resilience, identity, errors), each a flat map of dotted keys. en-US defines
 * the keys; every other locale has the same files, keys and placeholders (test/i18n checks it: a key missing
 * in a locale fails the tests, and only at run time falls back to the en-US text).
 */
export const enUS = {
  ...coreEnUS,
  ...usersEnUS,
  ...ticketsEnUS,
  ...subscriptionsEnUS,
  ...approvalsEnUS,
  ...teamsEnUS,
  ...resilienceEnUS,
  ...identityEnUS,
  ...errorsEnUS,
};

export type StringKey = keyof typeof enUS;
export type LocaleResources = Readonly<Partial<Record<StringKey, string>>>;

export const resources: Readonly<Record<SupportedLocale, LocaleResources>> = {
  'en-US': enUS,
  'fr-FR': {
    ...coreFrFR,
    ...usersFrFR,
    ...ticketsFrFR,
    ...subscriptionsFrFR,
    ...approvalsFrFR,
    ...teamsFrFR,
    ...resilienceFrFR,
    ...identityFrFR,
    ...errorsFrFR,
  },
  'zh-TW': {
    ...coreZhTW,
    ...usersZhTW,
    ...ticketsZhTW,
    ...subscriptionsZhTW,
    ...approvalsZhTW,
    ...teamsZhTW,
    ...resilienceZhTW,
    ...identityZhTW,
    ...errorsZhTW,
  },
  'zh-CN': {
    ...coreZhCN,
    ...usersZhCN,
    ...ticketsZhCN,
    ...subscriptionsZhCN,
    ...approvalsZhCN,
    ...teamsZhCN,
    ...resilienceZhCN,
    ...identityZhCN,
    ...errorsZhCN,
  },
};
