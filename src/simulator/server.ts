import restify from 'restify';
import { mountControlRoutes } from './control-routes';
import { mountGraphRoutes } from './graph-routes';
import { mountDelegatedAdminRelationships } from './identity/delegated-admin-relationships';
import { type IdentityDeps, mountIdentityRoutes } from './identity/token-endpoint';
import { notFoundAnswer, type PipelineDeps, routeHandler } from './pipeline';
import { restifyPath } from './route';
import { apiRoutes } from './routes';

export interface ServerDeps extends PipelineDeps {
  identity: IdentityDeps;
  /** Reads of the Graph GDAP relationships route. */
  gdapReads: { count: number };
}

/**
 * Builds the restify server: every API route behind the pipeline, the identity platform's token endpoint
 * and metadata, Graph's GDAP relationships read, the `/_sim/` controls, and the documented 404 for
 * anything else. It does not listen; `startSimulator` does.
 */
export function buildServer(deps: ServerDeps): restify.Server {
  // restify 11 logs through pino; its type definitions still name bunyan's Logger.
  const log = deps.logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'];
  const server = restify.createServer({ name: '', log });
  for (const route of apiRoutes(deps.state)) {
    const { path, names } = restifyPath(route.template);
    const handler = routeHandler(route, names, deps);
    if (route.method === 'GET') server.get(path, handler);
    else if (route.method === 'POST') server.post(path, handler);
    else if (route.method === 'PATCH') server.patch(path, handler);
    else server.del(path, handler);
  }
  mountIdentityRoutes(server, deps.identity);
  mountDelegatedAdminRelationships(server, {
    authMode: deps.authMode,
    clock: deps.state.clock,
    store: deps.state.store,
    reads: deps.gdapReads,
  });
  mountControlRoutes(server, deps);
  mountGraphRoutes(server, { ...deps, directory: deps.state.directory, clock: deps.state.clock });
  const notFound = (req: restify.Request, res: restify.Response, _err: unknown, done: () => void) => {
    notFoundAnswer(req, res, deps);
    done();
  };
  server.on('NotFound', notFound);
  server.on('MethodNotAllowed', notFound);
  return server;
}
