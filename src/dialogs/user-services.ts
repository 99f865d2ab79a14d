import type { PartnerCenter } from '../api/partner-center';
import type { AdaptiveCard } from '../cards';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { SecretShelf } from '../users/secret-shelf';
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
  /** Password cards that came too late to be an invoke answer, held in memory for "Show password". */
  withheldPasswords: SecretShelf<AdaptiveCard>;
}

/** How long a withheld password can still be shown. */
export const WITHHELD_PASSWORD_TTL_MS = 2 * 60_000;

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
    withheldPasswords: new SecretShelf(WITHHELD_PASSWORD_TTL_MS, () => now().getTime()),
  };
}
