import type { BackgroundJob } from '../background-jobs';
import type { ApprovalEngine } from './approval-engine';

/**
 * The periodic sweep of approval requests: expires the overdue ones (their cards then say so) and settles
 * executions cut short by a stopped process. Safe on every instance at once (see ApprovalEngine.sweep).
 */
export function approvalSweepJob(engine: Pick<ApprovalEngine, 'sweep'>, intervalMs: number): BackgroundJob {
  return {
    name: 'approval-sweep',
    intervalMs,
    run: async () => {
      await engine.sweep();
    },
  };
}
