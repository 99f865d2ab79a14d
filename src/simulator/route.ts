import type { IncomingHttpHeaders } from 'node:http';
import type { Access, Caller } from './behaviour/auth';
import type { CustomerRecord } from './data/records';
import type { GdapRequirement } from './domain/gdap-requirements';
import type { PageRequest } from './protocol/collections';
import type { JsonObject } from './protocol/request-body';

/**
 * What a Partner Center operation sees and returns. Handlers are plain functions of an ApiRequest:
 * the pipeline does HTTP, auth, faults, idempotency and audit around them.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiRequest extends PageRequest {
  /** Path parameters by the reference's names, e.g. `customer-tenant-id`. */
  params: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: JsonObject | undefined;
  caller: Caller;
  now: Date;
  /** X-Locale, default en-US. */
  locale: string;
}

/** An activity-log entry the pipeline writes when the operation succeeds. */
export interface AuditEntry {
  /** Absent for partner-level writes such as a new service request. */
  customer?: CustomerRecord;
  resourceType: string;
  operationType: string;
  oldValue?: unknown;
  newValue?: unknown;
  customizedData?: { key: string; value: string }[];
}

export interface ApiReply {
  status: number;
  body?: unknown;
  audit?: AuditEntry;
}

export interface ApiRoute {
  method: HttpMethod;
  /** The reference's path template, e.g. `/v1/customers/{customer-tenant-id}`. */
  template: string;
  access: Access;
  /** The GDAP roles the partner needs on the path's customer (customer-user operations); may depend on the body. */
  gdap?: (request: ApiRequest) => GdapRequirement | undefined;
  handle: (request: ApiRequest) => ApiReply;
}

/** `METHOD /v1/path-template`, the key used for call counting and fault rules. */
export function routeKey(route: Pick<ApiRoute, 'method' | 'template'>): string {
  return `${route.method} ${route.template}`;
}

/** The restify path of a template, and the template name of each restify parameter. */
export function restifyPath(template: string): { path: string; names: Map<string, string> } {
  const names = new Map<string, string>();
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const restifyName = name.replace(/-([a-z])/g, (__, letter: string) => letter.toUpperCase());
    names.set(restifyName, name);
    return `:${restifyName}`;
  });
  return { path, names };
}
