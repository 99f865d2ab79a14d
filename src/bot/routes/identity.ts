import { identityReport } from '../../api/identity-health';
import type { IdentityTokens } from '../../api/identity-tokens';
import { identityDoctorCard, messageCard } from '../../cards';
import { sendCard, textFor } from '../replies';
import type { CommandRoute } from '../routes';
import type { SignInFlow } from '../sign-in';

/**
 * `doctor` (admins): the identity mode, the health of the tokens it uses, MFA, the admin's own sign-in, and
 * whether background work can act; `signout`: forget the agent's Partner Center sign-in (agent mode).
 */
export interface IdentityRouteServices {
  identity: IdentityTokens;
  oauthConnectionName?: string;
  gdapPreflight: boolean;
  /** Whether background work can make App+User calls (provisioning notifications). */
  backgroundAppUser: boolean;
  /** Agent mode only. */
  signIn?: SignInFlow;
}

export function identityCommands(services: IdentityRouteServices): CommandRoute[] {
  return [
    {
      name: 'doctor',
      descriptionKey: 'help.command.doctor',
      group: 'administration',
      permission: 'diagnostics.read',
      run: async (turn) => {
        const report = await identityReport(services.identity, turn.info.caller.aadObjectId);
        await sendCard(
          turn.context,
          identityDoctorCard(
            {
              report,
              oauthConnectionName: services.oauthConnectionName,
              gdapPreflight: services.gdapPreflight,
              backgroundAppUser: services.backgroundAppUser,
            },
            textFor(turn.info),
          ),
        );
        return {
          details: {
            mode: report.mode,
            appOnly: report.appOnly.state,
            serviceAccount: report.serviceAccount.state,
            backgroundAppUser: services.backgroundAppUser,
          },
        };
      },
    },
    {
      name: 'signout',
      descriptionKey: 'help.command.signout',
      group: 'general',
      permission: 'help',
      run: async (turn) => {
        const text = textFor(turn.info);
        if (!services.signIn) {
          const title = text.t('signOut.notAgentMode', { mode: services.identity.mode });
          await sendCard(turn.context, messageCard({ style: 'info', title }));
          return undefined;
        }
        await services.signIn.signOut(turn.context);
        await sendCard(turn.context, messageCard({ style: 'info', title: text.t('signOut.done') }));
        return { details: { signedOut: true } };
      },
    },
  ];
}
