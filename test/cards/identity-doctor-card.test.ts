import type { IdentityReport } from '../../src/api/identity-health';
import { identityDoctorCard } from '../../src/cards/identity-doctor-card';
import { strings } from '../../src/i18n/strings';
import { adaptiveCardProblems } from './adaptive-card-schema';
import { nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const agentMode: IdentityReport = {
  mode: 'agent',
  appOnly: { state: 'ok', expiresAt: '2026-11-23T21:00:00.000Z' },
  serviceAccount: { state: 'not-used' },
  agentsWithToken: 3,
  you: {
    signedIn: true,
    mfa: true,
    userPrincipalName: 'alex@contoso.onmicrosoft.com',
    expiresAt: '2026-11-23T21:00:00.000Z',
  },
};

describe('identity doctor card', () => {
  it('reports the mode, each token, the asking agent’s sign-in with MFA, GDAP pre-flight and background work', () => {
    const card = identityDoctorCard(
      {
        report: agentMode,
        oauthConnectionName: 'partner-center-sso',
        gdapPreflight: true,
        backgroundAppUser: false,
      },
      text,
    );
    const runs = textRuns(card);
    expect(runs.slice(0, 2)).toEqual([text.t('doctor.title'), text.t('doctor.healthy')]);
    expect(runs).toEqual(
      expect.arrayContaining([
        text.t('doctor.mode.agent'),
        'partner-center-sso',
        'OK, until Nov 23, 2026, 9:00 PM UTC',
        text.t('doctor.token.notUsed'),
        'Signed in as alex@contoso.onmicrosoft.com, with MFA, until Nov 23, 2026, 9:00 PM UTC',
        '3',
        text.t('doctor.gdap.on'),
        text.t('doctor.background'),
        'Not available: background work has no service account (PARTNER_CENTER_REFRESH_TOKEN), so “Notify me when ready” is not offered',
      ]),
    );
    expect(nodesOfType(card, 'Container')[0]?.style).toBe('good');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('needs attention when a token fails or carries no MFA, and says which', () => {
    const card = identityDoctorCard(
      {
        report: {
          mode: 'service-account',
          appOnly: { state: 'failing', code: 'PC_UNAUTHENTICATED' },
          serviceAccount: { state: 'ok', mfa: false },
        },
        gdapPreflight: false,
        backgroundAppUser: true,
      },
      text,
    );
    const runs = textRuns(card);
    expect(runs[1]).toBe(text.t('doctor.unhealthy'));
    expect(runs).toEqual(
      expect.arrayContaining([
        'Failing (PC_UNAUTHENTICATED)',
        text.t('doctor.token.okNoMfa'),
        text.t('doctor.oauthConnection.none'),
        text.t('doctor.gdap.off'),
        text.t('doctor.background.on'),
      ]),
    );
    expect(nodesOfType(card, 'Container')[0]?.style).toBe('warning');
  });

  it('says why background work cannot act in app-only mode, without pointing at the service account', () => {
    const card = identityDoctorCard(
      {
        report: { mode: 'app-only', appOnly: { state: 'ok' }, serviceAccount: { state: 'not-used' } },
        gdapPreflight: false,
        backgroundAppUser: false,
      },
      text,
    );
    const runs = textRuns(card);
    expect(runs).toContain(
      'Not available: app-only makes no App+User calls, so “Notify me when ready” is not offered',
    );
    expect(runs.join('\n')).not.toContain('PARTNER_CENTER_REFRESH_TOKEN');
    expect(runs[1]).toBe(text.t('doctor.healthy'));
  });

  it('asks an agent signed in without MFA to sign in again', () => {
    const card = identityDoctorCard(
      {
        report: {
          ...agentMode,
          you: { signedIn: true, mfa: false, userPrincipalName: 'isaiah@contoso.onmicrosoft.com' },
        },
        gdapPreflight: true,
        backgroundAppUser: false,
      },
      text,
    );
    expect(textRuns(card).join('\n')).toContain('without MFA: sign out and sign in again with MFA');
    expect(textRuns(card)[1]).toBe(text.t('doctor.unhealthy'));
  });

  it('shows a simulator without tokens and an agent who has not signed in', () => {
    const card = identityDoctorCard(
      {
        report: { ...agentMode, appOnly: { state: 'none-needed' }, you: { signedIn: false } },
        gdapPreflight: true,
        backgroundAppUser: true,
      },
      text,
    );
    expect(textRuns(card)).toEqual(
      expect.arrayContaining([text.t('doctor.token.noneNeeded'), text.t('doctor.you.signedOut')]),
    );
  });
});
