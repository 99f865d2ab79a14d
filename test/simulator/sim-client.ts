import { silentLogger } from '../../src/log';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator';

/** Test helpers: a simulator on an ephemeral port, a small JSON client over real HTTP, a manual clock. */
export interface SimResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected field by field in tests
  body: any;
}

export function start(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ logger: silentLogger(), ...options });
}

export interface SimClient {
  get(path: string, headers?: Record<string, string>): Promise<SimResponse>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<SimResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<SimResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<SimResponse>;
  /** Any request; a string body is sent as is. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<SimResponse>;
}

export function client(simulator: RunningSimulator): SimClient {
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${simulator.url}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return {
    send,
    get: (path, headers) => send('GET', path, undefined, headers),
    patch: (path, body, headers) => send('PATCH', path, body, headers),
    post: (path, body, headers) => send('POST', path, body, headers),
    delete: (path, headers) => send('DELETE', path, undefined, headers),
  };
}

/** The URL-encoded `filter` query value of reference §2.7. */
export function filterParam(filter: Record<string, unknown>): string {
  return encodeURIComponent(JSON.stringify(filter));
}

/** Follows links.next (sending its headers) until the last page; returns every page's body. */
// biome-ignore lint/suspicious/noExplicitAny: collection pages as parsed JSON
export async function allPages(api: SimClient, firstPath: string): Promise<any[]> {
  const pages = [];
  let response = await api.get(firstPath);
  for (;;) {
    expect(response.status).toBe(200);
    pages.push(response.body);
    const next = response.body.links?.next;
    if (!next) return pages;
    const headers = Object.fromEntries(
      next.headers.map((h: { key: string; value: string }) => [h.key, h.value]),
    );
    response = await api.get(`/v1${next.uri}`, headers);
  }
}

/** An unsigned JWT (alg none) carrying `claims`. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export interface ManualClock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(start: string): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Documented and seeded ids the tests use (reference §8; synthetic ones from src/simulator/data/seed-data.ts). */
export const ids = {
  dtDemo: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04',
  danielTsai: 'a9ef48bb-8758-4590-a312-d4a47bfaded4',
  dtAdmin: '6e668259-1f09-479d-bcb8-d9b03e826b8d',
  ferdinand: 'a45f1416-3300-4f65-9e8d-f123b397a4ea',
  azureSubscription: 'A356AC8C-E310-44F4-BF85-C7F29044AF99',
  dakotaMall: 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f',
  johnDoe: '46098a56-a329-406f-8511-e72ea17d44cd',
  pradeep: '3a1aa550-150f-463e-82da-ae36446270e2',
  isaiah: '61d9dbc1-fd68-436a-ae6b-2ca3c2068ff1',
  contoso190: 'c5757d70-06f3-4f23-8367-5a9e55019f94',
  wolframAndHart: '9f8a5686-b4e4-455a-acd6-4c3f9b1de284',
};
