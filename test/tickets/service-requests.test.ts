import type { ServiceRequest } from '../../src/api/models';
import { canClose, newestFirst, serviceRequestDate } from '../../src/tickets/service-requests';

describe('service request dates', () => {
  it('reads documented dates, with or without a zone, as UTC', () => {
    expect(serviceRequestDate('2016-12-22T20:31:17.24Z')).toEqual(new Date('2016-12-22T20:31:17.240Z'));
    expect(serviceRequestDate('2015-11-24T01:07:00.863')).toEqual(new Date('2015-11-24T01:07:00.863Z'));
    expect(serviceRequestDate('2017-01-09T23:31:15+01:00')).toEqual(new Date('2017-01-09T22:31:15Z'));
  });

  it('treats the documented "not set" date, absent and unreadable dates as unknown', () => {
    expect(serviceRequestDate('0001-01-01T00:00:00')).toBeUndefined();
    expect(serviceRequestDate(undefined)).toBeUndefined();
    expect(serviceRequestDate('yesterday')).toBeUndefined();
  });
});

describe('newest first', () => {
  const request = (id: string, createdDate?: string): ServiceRequest => ({ id, createdDate });

  it('orders by creation date, newest first, requests without one last, ties by id', () => {
    const ordered = newestFirst([
      request('615112491169010', '2015-11-24T01:07:00.863'),
      request('700000000000001', '0001-01-01T00:00:00'),
      request('617290345512881', '2024-02-12T09:15:00Z'),
      request('616122292874576', '2016-12-22T20:31:17.24Z'),
      request('617290345512882', '2024-02-12T09:15:00Z'),
    ]);
    expect(ordered.map((item) => item.id)).toEqual([
      '617290345512882',
      '617290345512881',
      '616122292874576',
      '615112491169010',
      '700000000000001',
    ]);
  });

  it('does not change the list it was given', () => {
    const list = [request('1', '2015-01-01T00:00:00Z'), request('2', '2016-01-01T00:00:00Z')];
    newestFirst(list);
    expect(list.map((item) => item.id)).toEqual(['1', '2']);
  });
});

describe('what an agent may do next', () => {
  it.each([
    ['open', true],
    ['attention_needed', true],
    ['none', true],
    ['closed', false],
  ])('a request that is %s can be closed: %s', (status, expected) => {
    expect(canClose({ id: '1', status })).toBe(expected);
  });
});
