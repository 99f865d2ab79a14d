import type { PartnerCenter } from '../api/partner-center';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { UserOperations } from '../users/user-operations';
import type { PrivilegedResetAsker } from './approval-requests';

/** What the users commands, dialogs and card actions need. */
export interface UserServices {
  partnerCenter: PartnerCenter;
  operations: UserOperations;
  logger: Logger;
  now: () => Date;
  /** Asks an approver instead of refusing the reset of an administrator (the approval engine); absent: refused. */
  privilegedResets?: PrivilegedResetAsker;
}

export function createUserServices(deps: {
  partnerCenter: PartnerCenter;
  store: Store;
  passwordLength: number;
  logger: Logger;
  now?: () => Date;
  privilegedResets?: PrivilegedResetAsker;
}): UserServices {
  const now = deps.now ?? (() => new Date());
  return {
    partnerCenter: deps.partnerCenter,
    operations: new UserOperations({
      partnerCenter: deps.partnerCenter,
      operations: deps.store.operations,
      audit: deps.store.audit,
      passwordLength: deps.passwordLength,
      now,
    }),
    logger: deps.logger,
    now,
    privilegedResets: deps.privilegedResets,
  };
}
