import { AppError, type ErrorCode } from '../errors';
import { JsonFields } from './tolerant-json';

/**
 * Partner Center failures as typed errors (reference §2.8, §10). The body comes in three shapes
 * (legacy {code, description, data, source}; newer {code, message, description, errorName, isRetryable, …};
 * throttling {statusCode, message}), the code as a number or a string, or not as JSON at all.
 */

export type PartnerCenterErrorCode = Extract<ErrorCode, `PC_${string}`>;

export interface ErrorBody {
  code?: string;
  description?: string;
  errorName?: string;
  isRetryable?: boolean;
}

export interface PartnerCenterErrorInit {
  code: PartnerCenterErrorCode;
  route: string;
  requestId: string;
  correlationId: string;
  httpStatus?: number;
  partnerCode?: string;
  description?: string;
  errorName?: string;
  retryAfterSeconds?: number;
  /** What went wrong when there is no HTTP answer (timeout, connection reset, unexpected shape). */
  reason?: string;
}

export class PartnerCenterError extends AppError {
  readonly route: string;
  readonly httpStatus?: number;
  readonly partnerCode?: string;
  readonly description?: string;
  readonly errorName?: string;
  readonly retryAfterSeconds?: number;
  readonly requestId: string;
  readonly correlationId: string;

  constructor(init: PartnerCenterErrorInit, options?: ErrorOptions) {
    const answer =
      init.httpStatus === undefined
        ? (init.reason ?? 'no answer')
        : `HTTP ${init.httpStatus}${init.partnerCode ? ` code ${init.partnerCode}` : ''}${init.reason ? ` (${init.reason})` : ''}`;
    super(
      init.code,
      `Partner Center ${init.route}: ${answer}`,
      {
        route: init.route,
        httpStatus: init.httpStatus,
        partnerCode: init.partnerCode,
        errorName: init.errorName,
        retryAfterSeconds: init.retryAfterSeconds,
        requestId: init.requestId,
        correlationId: init.correlationId,
      },
      options,
    );
    this.name = 'PartnerCenterError';
    this.route = init.route;
    this.httpStatus = init.httpStatus;
    this.partnerCode = init.partnerCode;
    this.description = init.description;
    this.errorName = init.errorName;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
  }
}

export function isPartnerCenterError(error: unknown): error is PartnerCenterError {
  return error instanceof PartnerCenterError;
}

/** Reads any of the three documented shapes; a body that is not a JSON object yields {}. */
export function parseErrorBody(text: string): ErrorBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const fields = new JsonFields(raw, 'error');
  const body: ErrorBody = {
    code: fields.string('code'),
    description: fields.string('description') ?? fields.string('message'),
    errorName: fields.string('errorName'),
    isRetryable: fields.boolean('isRetryable'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as ErrorBody;
}

const STALE_ETAG_CODES = new Set(['2055']);
const INVALID_STATE_CODES = new Set(['2001', '2011', '800091', '27009']);

/**
 * The catalog code for an HTTP failure. `legacy` marks the service-request create and support-topic
 * routes that Microsoft removed from its docs: there 404, 405 and 501 mean the operation is gone.
 */
export function catalogCodeFor(
  status: number,
  partnerCode: string | undefined,
  legacy = false,
): PartnerCenterErrorCode {
  if (legacy && (status === 404 || status === 405 || status === 501)) return 'PC_NOT_AVAILABLE';
  if (status === 429) return 'PC_THROTTLED';
  if (status === 412) return 'PC_STALE_ETAG';
  if (status === 401) return 'PC_UNAUTHENTICATED';
  if (status === 403) return 'PC_FORBIDDEN';
  if (status === 404) return 'PC_NOT_FOUND';
  if (status === 408) return 'PC_TIMEOUT';
  if (status === 400 && partnerCode && STALE_ETAG_CODES.has(partnerCode)) return 'PC_STALE_ETAG';
  if ((status === 400 || status === 409) && partnerCode && INVALID_STATE_CODES.has(partnerCode)) {
    return 'PC_INVALID_STATE';
  }
  if (status === 409) return 'PC_CONFLICT';
  if (status >= 400 && status < 500) return 'PC_BAD_REQUEST';
  return 'PC_UNAVAILABLE';
}

/** Replaces every occurrence of each secret, so an upstream text that echoes one cannot leak it. */
export function scrubSecrets(text: string | undefined, secrets: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  return secrets
    .filter((secret) => secret !== '')
    .reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}
