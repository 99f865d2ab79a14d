import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyFailure, HttpTransport } from '../../src/api/http-transport';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let connections: number;

beforeEach(async () => {
  connections = 0;
  handler = (_request, response) => response.end('{}');
  server = createServer((request, response) => handler(request, response));
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path = '/v1/customers') => ({
  method: 'GET' as const,
  path,
  headers: { Accept: 'application/json' },
  signal: new AbortController().signal,
});

describe('HTTP transport', () => {
  it('reads every body to the end, so kept-alive connections are reused rather than piling up', async () => {
    handler = (_request, response) =>
      response.end(JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => i) }));
    const transport = new HttpTransport(baseUrl, { connectMs: 1000, headersMs: 1000, bodyMs: 1000 });
    for (let i = 0; i < 10; i++) {
      const outcome = await transport.send(get());
      expect(outcome).toMatchObject({ kind: 'response', status: 200 });
    }
    expect(connections).toBeLessThanOrEqual(2);
    await transport.close();
  });

  it('reports a server that never sends headers as a timeout', async () => {
    handler = () => undefined;
    const transport = new HttpTransport(baseUrl, { connectMs: 1000, headersMs: 100, bodyMs: 1000 });
    expect(await transport.send(get())).toEqual({ kind: 'timeout', reason: 'UND_ERR_HEADERS_TIMEOUT' });
    await transport.close();
  });

  it('reports a body that stops half way as a timeout', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items": [');
    };
    const transport = new HttpTransport(baseUrl, { connectMs: 1000, headersMs: 1000, bodyMs: 100 });
    expect(await transport.send(get())).toEqual({ kind: 'timeout', reason: 'UND_ERR_BODY_TIMEOUT' });
    await transport.close();
  });

  it('reports a destroyed socket as a connection failure', async () => {
    handler = (request) => request.socket.destroy();
    const transport = new HttpTransport(baseUrl, { connectMs: 1000, headersMs: 1000, bodyMs: 1000 });
    expect(await transport.send(get())).toMatchObject({ kind: 'connection' });
    await transport.close();
  });

  it('reports a refused connection as a connection failure', async () => {
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = new HttpTransport(closed, { connectMs: 1000, headersMs: 1000, bodyMs: 1000 });
    expect(await transport.send(get())).toEqual({ kind: 'connection', reason: 'ECONNREFUSED' });
    await transport.close();
  });

  it('keeps a base URL path prefix in front of every request path', async () => {
    let seen = '';
    handler = (request, response) => {
      seen = request.url ?? '';
      response.end('{}');
    };
    const transport = new HttpTransport(`${baseUrl}/partner-center/`, {
      connectMs: 1000,
      headersMs: 1000,
      bodyMs: 1000,
    });
    await transport.send(get('/v1/customers?size=1'));
    expect(seen).toBe('/partner-center/v1/customers?size=1');
    await transport.close();
  });

  it('reports an aborted request as aborted, and rethrows errors it does not know', () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(classifyFailure(new Error('x'), aborted.signal)).toEqual({ kind: 'aborted' });
    const bug = Object.assign(new Error('invalid header'), { code: 'UND_ERR_INVALID_ARG' });
    expect(() => classifyFailure(bug, new AbortController().signal)).toThrow(bug);
  });
});
