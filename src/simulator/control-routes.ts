import type { Request, Response, Server } from 'restify';
import type { CallCounter } from './behaviour/calls';
import { type FaultBook, parseFaultRule } from './behaviour/faults';
import { readBodyText } from './protocol/request-body';

/**
 * `/_sim/`: steering a simulator that runs in another process (benchmarks). These calls are not API
 * calls: they are neither counted nor faulted, and need no token.
 *   POST /_sim/faults (a FaultRule as JSON) · DELETE /_sim/faults · GET /_sim/calls ·
 *   GET /_sim/calls/by-subject (calls per token subject, then per route) · POST /_sim/calls/reset
 */
export function mountControlRoutes(
  server: Server,
  controls: { calls: CallCounter; faults: FaultBook },
): void {
  server.post('/_sim/faults', async (req: Request, res: Response) => {
    try {
      controls.faults.add(parseFaultRule(JSON.parse(await readBodyText(req))));
      sendJson(res, 204);
    } catch (error) {
      const description =
        error instanceof RangeError ? error.message : 'the body must be a FaultRule in JSON';
      sendJson(res, 400, { code: 800002, description, data: [], source: 'PartnerFD' });
    }
  });
  server.del('/_sim/faults', async (_req: Request, res: Response) => {
    controls.faults.clear();
    sendJson(res, 204);
  });
  server.get('/_sim/calls', async (_req: Request, res: Response) => {
    sendJson(res, 200, { total: controls.calls.count(), byRoute: controls.calls.byRoute() });
  });
  server.get('/_sim/calls/by-subject', async (_req: Request, res: Response) => {
    sendJson(res, 200, controls.calls.bySubject());
  });
  server.post('/_sim/calls/reset', async (_req: Request, res: Response) => {
    controls.calls.reset();
    sendJson(res, 204);
  });
}

function sendJson(res: Response, status: number, body?: unknown): void {
  res.sendRaw(status, body === undefined ? '' : JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
  });
}
