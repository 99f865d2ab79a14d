import type { AgentTokenStatus } from '../api/agent-token-provider';
import { type IdentityReport, isHealthy, type TokenState } from '../api/identity-health';
import type { Strings } from '../i18n/strings';
import { type Field, field } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/identity-doctor.json';

/**
 * `doctor`: the identity mode, the health of each token it uses, MFA, the asking agent's own sign-in, and whether
 * background work can act (provisioning notifications).
 */
export interface IdentityDoctorCardData {
  report: IdentityReport;
  oauthConnectionName?: string;
  gdapPreflight: boolean;
  /** Whether background work can make App+User calls (checking "Notify me when ready" watches needs them). */
  backgroundAppUser: boolean;
}

/** The setting that gives identity mode `agent` a service account for background work (README, *Acting as the agent*). */
export const serviceAccountSetting = 'PARTNER_CENTER_REFRESH_TOKEN';

interface IdentityDoctorView {
  containerStyle: 'good' | 'warning';
  title: string;
  status: string;
  fields: Field[];
}

const template = defineTemplate<IdentityDoctorView>('identity-doctor', json);

const modeKeys = {
  agent: 'doctor.mode.agent',
  'service-account': 'doctor.mode.serviceAccount',
  'app-only': 'doctor.mode.appOnly',
} as const;

function tokenText(token: TokenState, text: Strings): string {
  switch (token.state) {
    case 'none-needed':
      return text.t('doctor.token.noneNeeded');
    case 'not-used':
      return text.t('doctor.token.notUsed');
    case 'failing':
      return text.t('doctor.token.failing', { code: token.code });
    case 'ok': {
      const state =
        token.mfa === undefined
          ? text.t('doctor.token.ok')
          : token.mfa
            ? text.t('doctor.token.okMfa')
            : text.t('doctor.token.okNoMfa');
      return token.expiresAt
        ? `${state}, ${text.t('doctor.token.expires', { time: text.dateTime(token.expiresAt) })}`
        : state;
    }
  }
}

function backgroundText(data: IdentityDoctorCardData, text: Strings): string {
  if (data.backgroundAppUser) return text.t('doctor.background.on');
  const action = text.t('provisioning.action.notify');
  return data.report.mode === 'app-only'
    ? text.t('doctor.background.appOnly', { action })
    : text.t('doctor.background.off', { action, setting: serviceAccountSetting });
}

function youText(you: AgentTokenStatus, text: Strings): string {
  if (!you.signedIn) return text.t('doctor.you.signedOut');
  const who = text.t('doctor.you.signedIn', { upn: you.userPrincipalName ?? '?' });
  const mfa = you.mfa ? text.t('doctor.you.mfa') : text.t('doctor.you.noMfa');
  const until = you.expiresAt
    ? `, ${text.t('doctor.token.expires', { time: text.dateTime(you.expiresAt) })}`
    : '';
  return `${who}, ${mfa}${until}`;
}

export function identityDoctorCard(data: IdentityDoctorCardData, text: Strings): AdaptiveCard {
  const { report } = data;
  const healthy = isHealthy(report) && report.you?.mfa !== false;
  const fields = [
    field(text.t('doctor.mode'), text.t(modeKeys[report.mode])),
    field(
      text.t('doctor.oauthConnection'),
      data.oauthConnectionName ?? text.t('doctor.oauthConnection.none'),
    ),
    field(text.t('doctor.appOnly'), tokenText(report.appOnly, text)),
    field(text.t('doctor.serviceAccount'), tokenText(report.serviceAccount, text)),
  ];
  if (report.you) fields.push(field(text.t('doctor.you'), youText(report.you, text)));
  if (report.agentsWithToken !== undefined) {
    fields.push(field(text.t('doctor.agents'), text.number(report.agentsWithToken)));
  }
  fields.push(
    field(text.t('doctor.gdap'), data.gdapPreflight ? text.t('doctor.gdap.on') : text.t('doctor.gdap.off')),
    field(text.t('doctor.background'), backgroundText(data, text)),
  );
  return renderCard(template, {
    containerStyle: healthy ? 'good' : 'warning',
    title: text.t('doctor.title'),
    status: healthy ? text.t('doctor.healthy') : text.t('doctor.unhealthy'),
    fields,
  });
}
