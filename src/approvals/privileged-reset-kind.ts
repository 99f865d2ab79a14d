import type { PartnerCenter } from '../api/partner-center';
import { AppError } from '../errors';
import { privilegedRolesOf } from '../users/privileged-roles';
import { type ApprovalKind, PRIVILEGED_RESET } from './approval-kind';

/**
 * The password reset of a user who holds an administrator role (the user-operations guard): an agent asks,
 * an approver decides, and the temporary password goes to the requester alone (`Execution.secret`, never
 * stored). Whether a reset took effect cannot be read back, so an interrupted one ends failed.
 */
export function privilegedResetKind(partnerCenter: PartnerCenter, newPassword: () => string): ApprovalKind {
  return {
    name: PRIVILEGED_RESET,
    requestPermission: 'user.resetPassword',
    decidePermission: 'suspension.decide',
    reasonRequired: false,
    async prepare(ctx, target) {
      if (!target.targetUserId) throw new AppError('INTERNAL', 'privileged reset without a target user');
      const [user, roles] = await Promise.all([
        partnerCenter.getUser(ctx, target.customerId, target.targetUserId),
        partnerCenter.getUserDirectoryRoles(ctx, target.customerId, target.targetUserId),
      ]);
      const facts = {
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName ?? user.userPrincipalName,
        roles: privilegedRolesOf(roles)
          .map((role) => role.name)
          .join(', '),
      };
      // A deleted user is not found (PC_NOT_FOUND), so any user read here can be reset.
      return { ready: true, facts };
    },
    async execute(ctx, request) {
      if (!request.targetUserId) throw new AppError('INTERNAL', 'privileged reset without a target user');
      const password = newPassword();
      await partnerCenter.resetUserPassword(ctx, request.customerId, request.targetUserId, password, true);
      return { result: { forceChange: true }, secret: password };
    },
  };
}
