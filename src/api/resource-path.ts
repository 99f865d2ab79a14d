import { AppError } from '../errors';

/**
 * Building request paths: every path parameter is validated (GUIDs where Partner Center uses GUIDs)
 * and URL-encoded as one segment, so no caller input can add segments, a query or a fragment.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Service request ids are 15-digit numbers in practice; accept any short token of letters, digits and dashes. */
const SERVICE_REQUEST_ID = /^[0-9A-Za-z-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function isLocale(value: string): boolean {
  return LOCALE.test(value);
}

/** A path parameter that must be a GUID; anything else is INPUT_INVALID before any request is sent. */
export function guid(name: string, value: string): string {
  if (typeof value !== 'string' || !GUID.test(value)) {
    throw new AppError('INPUT_INVALID', `${name} must be a GUID`, { parameter: name });
  }
  return value;
}

export function serviceRequestId(value: string): string {
  if (typeof value !== 'string' || !SERVICE_REQUEST_ID.test(value)) {
    throw new AppError('INPUT_INVALID', 'serviceRequestId must be letters, digits or dashes', {
      parameter: 'serviceRequestId',
    });
  }
  return value;
}

export function locale(name: string, value: string): string {
  if (typeof value !== 'string' || !LOCALE.test(value)) {
    throw new AppError('INPUT_INVALID', `${name} must be a locale such as en-US`, { parameter: name });
  }
  return value;
}

/** `/v1/` followed by each segment, URL-encoded on its own. */
export function apiPath(...segments: string[]): string {
  return `/v1/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** One `name=value` query parameter, both URL-encoded. */
export function queryParam(name: string, value: string | number): string {
  return `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
}

/** Appends already-encoded query parameters (from queryParam or filterParam). */
export function withQuery(path: string, params: string[]): string {
  return params.length === 0 ? path : `${path}?${params.join('&')}`;
}
