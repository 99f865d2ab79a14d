import type { ApiRoute } from '../route';
import type { SimulatorState } from '../state';
import { auditRecordRoutes } from './audit-records';
import { customerRoutes } from './customers';
import { managedServiceRoutes } from './managed-services';
import { orderRoutes } from './orders';
import { serviceRequestRoutes } from './service-requests';
import { subscriptionRoutes } from './subscriptions';
import { userRoutes } from './users';

/** Every Partner Center operation the simulator serves. */
export function apiRoutes(state: SimulatorState): ApiRoute[] {
  return [
    ...customerRoutes(state),
    ...userRoutes(state),
    ...subscriptionRoutes(state),
    ...orderRoutes(state),
    ...managedServiceRoutes(state),
    ...serviceRequestRoutes(state),
    ...auditRecordRoutes(state),
  ];
}
