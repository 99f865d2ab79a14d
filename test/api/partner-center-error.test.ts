import {
  catalogCodeFor,
  PartnerCenterError,
  parseErrorBody,
  scrubSecrets,
} from '../../src/api/partner-center-error';
import { AppError } from '../../src/errors';

describe('Partner Center error bodies', () => {
  it('reads the legacy shape with a numeric code', () => {
    expect(
      parseErrorBody(
        JSON.stringify({
          code: 3000,
          description: 'Partner Organization with partner_id 9999999 could not be found',
          data: [],
          source: 'PartnerFD',
        }),
      ),
    ).toEqual({
      code: '3000',
      description: 'Partner Organization with partner_id 9999999 could not be found',
    });
  });

  it('reads the newer shape with errorName and isRetryable', () => {
    expect(
      parseErrorBody(
        JSON.stringify({
          code: '600074',
          message: 'Account Status for the customer was not found.',
          description: 'Account Status for the customer was not found.',
          errorName: 'AccountStatusNotFound',
          isRetryable: false,
          parameters: {},
        }),
      ),
    ).toEqual({
      code: '600074',
      description: 'Account Status for the customer was not found.',
      errorName: 'AccountStatusNotFound',
      isRetryable: false,
    });
  });

  it('reads the throttling shape, whose text is in message', () => {
    expect(
      parseErrorBody('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}'),
    ).toEqual({
      description: 'Rate limit is exceeded. Try again in 57 seconds.',
    });
  });

  it.each(['<html>Bad gateway</html>', '', 'null', '[1,2]', '"text"'])(
    'tolerates a body that is not a JSON object: %j',
    (text) => {
      expect(parseErrorBody(text)).toEqual({});
    },
  );
});

describe('catalog codes for Partner Center failures', () => {
  it.each([
    [429, undefined, 'PC_THROTTLED'],
    [404, '60002', 'PC_NOT_FOUND'],
    [404, '60003', 'PC_NOT_FOUND'],
    [404, '20003', 'PC_NOT_FOUND'],
    [404, undefined, 'PC_NOT_FOUND'],
    [401, '800001', 'PC_UNAUTHENTICATED'],
    [401, '400', 'PC_UNAUTHENTICATED'],
    [403, '2032', 'PC_FORBIDDEN'],
    [403, '20002', 'PC_FORBIDDEN'],
    [400, '2055', 'PC_STALE_ETAG'],
    [412, undefined, 'PC_STALE_ETAG'],
    [400, '2001', 'PC_INVALID_STATE'],
    [400, '2011', 'PC_INVALID_STATE'],
    [400, '800091', 'PC_INVALID_STATE'],
    [409, '27009', 'PC_INVALID_STATE'],
    [400, '3000', 'PC_BAD_REQUEST'],
    [400, '800002', 'PC_BAD_REQUEST'],
    [405, undefined, 'PC_BAD_REQUEST'],
    [409, '3000', 'PC_CONFLICT'],
    [409, undefined, 'PC_CONFLICT'],
    [500, '800003', 'PC_UNAVAILABLE'],
    [502, undefined, 'PC_UNAVAILABLE'],
    [503, undefined, 'PC_UNAVAILABLE'],
    [504, undefined, 'PC_UNAVAILABLE'],
    [408, undefined, 'PC_TIMEOUT'],
  ])('maps HTTP %i code %s to %s', (status, code, expected) => {
    expect(catalogCodeFor(status, code)).toBe(expected);
  });

  it.each([404, 405, 501])('maps %i on a legacy service-request route to PC_NOT_AVAILABLE', (status) => {
    expect(catalogCodeFor(status, undefined, true)).toBe('PC_NOT_AVAILABLE');
  });

  it('keeps other failures of legacy routes as usual', () => {
    expect(catalogCodeFor(429, undefined, true)).toBe('PC_THROTTLED');
    expect(catalogCodeFor(400, '3000', true)).toBe('PC_BAD_REQUEST');
  });
});

describe('PartnerCenterError', () => {
  it('is an AppError carrying the HTTP status, partner code and ids', () => {
    const error = new PartnerCenterError({
      code: 'PC_THROTTLED',
      route: 'GET /v1/customers',
      httpStatus: 429,
      retryAfterSeconds: 57,
      requestId: 'r-1',
      correlationId: 'c-1',
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'PC_THROTTLED',
      httpStatus: 429,
      retryAfterSeconds: 57,
      requestId: 'r-1',
      correlationId: 'c-1',
    });
    expect(error.message).toBe('Partner Center GET /v1/customers: HTTP 429');
    expect(error.details).toMatchObject({ retryAfterSeconds: 57, requestId: 'r-1' });
  });
});

describe('scrubbing secrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(scrubSecrets('weak password Abc1 (Abc1)', ['Abc1', ''])).toBe(
      'weak password [redacted] ([redacted])',
    );
    expect(scrubSecrets(undefined, ['x'])).toBeUndefined();
  });
});
