import type { Clock } from './clock';
import type { Directory } from './data/directory';
import type { SimStore } from './data/store';
import type { PagingLimits } from './protocol/collections';
import type { EtagMismatchStatus } from './protocol/etags';
import type { IdSource } from './runtime-ids';

/** Settings the route handlers read. */
export interface SimulatorConfig {
  paging: PagingLimits;
  /** How long a subscription change stays `pending` in provisioning status. */
  provisioningDelayMs: number;
  /** Subscription ids (lower case) whose pending provisioning ends `failed` instead of `success`. */
  provisioningFailures: ReadonlySet<string>;
  etagMismatchStatus: EtagMismatchStatus;
}

/** Everything route handlers work on. */
export interface SimulatorState {
  clock: Clock;
  config: SimulatorConfig;
  store: SimStore;
  ids: IdSource;
  /** Entra users and groups, for the Microsoft Graph route (group membership). */
  directory: Directory;
}
