import { startSimulator } from '../src/simulator';
import { failStart, serveControl } from './control';

/**
 * Partner Center for the benchmark: the simulator with BENCH_CUSTOMERS generated customers, steered over
 * its /_sim/ routes (added latency as a fault rule, call counts) by the benchmark.
 */
async function main(): Promise<void> {
  const simulator = await startSimulator({ extraCustomers: Number(process.env.BENCH_CUSTOMERS ?? '0') });
  serveControl(simulator.url, simulator.close);
}

main().catch(failStart);
