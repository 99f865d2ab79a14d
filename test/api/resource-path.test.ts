import {
  apiPath,
  guid,
  isLocale,
  locale,
  queryParam,
  serviceRequestId,
  withQuery,
} from '../../src/api/resource-path';
import { AppError } from '../../src/errors';

describe('resource paths', () => {
  it('accepts GUIDs in either case and returns them unchanged', () => {
    expect(guid('customerId', 'A356AC8C-E310-44F4-BF85-C7F29044AF99')).toBe(
      'A356AC8C-E310-44F4-BF85-C7F29044AF99',
    );
  });

  it.each([
    '',
    'not-a-guid',
    '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04/../x',
    ' 4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04',
    '{4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04}',
  ])('rejects %j as a GUID with INPUT_INVALID naming the parameter', (value) => {
    expect(() => guid('customerId', value)).toThrow(AppError);
    expect(() => guid('customerId', value)).toThrow(/customerId/);
    try {
      guid('customerId', value);
    } catch (error) {
      expect((error as AppError).code).toBe('INPUT_INVALID');
    }
  });

  it('encodes each segment on its own so none can add a path, query or fragment', () => {
    expect(apiPath('customers', 'a/b', '?x=1#y', 'ü')).toBe('/v1/customers/a%2Fb/%3Fx%3D1%23y/%C3%BC');
  });

  it('builds a query from encoded parameters', () => {
    expect(withQuery('/v1/customers', [queryParam('size', 10), queryParam('a b', 'c&d')])).toBe(
      '/v1/customers?size=10&a%20b=c%26d',
    );
    expect(withQuery('/v1/customers', [])).toBe('/v1/customers');
  });

  it('accepts 15-digit service request ids and refuses path tricks', () => {
    expect(serviceRequestId('616122292874576')).toBe('616122292874576');
    expect(() => serviceRequestId('../customers')).toThrow(AppError);
    expect(() => serviceRequestId('')).toThrow(AppError);
  });

  it('accepts locales such as en-US and refuses anything else', () => {
    expect(locale('agentLocale', 'en-US')).toBe('en-US');
    expect(isLocale('zh-Hant-TW')).toBe(true);
    expect(isLocale('en-US\r\nX-Evil: 1')).toBe(false);
    expect(() => locale('agentLocale', 'en US')).toThrow(/agentLocale/);
  });
});
