import { continuationFromLink, readContinuation } from '../../src/api/continuation';
import { AppError } from '../../src/errors';

const nextLink = {
  uri: '/customers?size=2&seekOperation=Next',
  method: 'GET',
  headers: [{ key: 'MS-ContinuationToken', value: 'opaque-token==' }],
};

function tokenWith(body: unknown): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function expectInvalid(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INPUT_INVALID');
    return;
  }
  throw new Error('expected INPUT_INVALID');
}

describe('continuation tokens', () => {
  it('turn links.next back into the /v1 uri and its headers', () => {
    const token = continuationFromLink('customers.list', nextLink);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readContinuation(token as string, 'customers.list', '/v1/customers')).toEqual({
      path: '/v1/customers?size=2&seekOperation=Next',
      headers: { 'MS-ContinuationToken': 'opaque-token==' },
    });
  });

  it('keep a /v1 prefix that the link already has', () => {
    const token = continuationFromLink('customers.list', {
      ...nextLink,
      uri: '/v1/customers?size=40&seekOperation=Next',
    });
    expect(readContinuation(token as string, 'customers.list', '/v1/customers').path).toBe(
      '/v1/customers?size=40&seekOperation=Next',
    );
  });

  it('keep only the path of an absolute link, never its host', () => {
    const token = continuationFromLink('customers.list', {
      ...nextLink,
      uri: 'https://evil.example/customers?x=1',
    });
    expect(readContinuation(token as string, 'customers.list', '/v1/customers').path).toBe(
      '/v1/customers?x=1',
    );
  });

  it('are absent on the last page', () => {
    expect(continuationFromLink('customers.list', undefined)).toBeUndefined();
  });

  it('drop headers other than Partner Center paging headers', () => {
    const token = continuationFromLink('customers.list', {
      ...nextLink,
      headers: [
        ...nextLink.headers,
        { key: 'Authorization', value: 'Bearer x' },
        { key: 'MS-RequestId', value: 'x' },
      ],
    });
    expect(readContinuation(token as string, 'customers.list', '/v1/customers').headers).toEqual({
      'MS-ContinuationToken': 'opaque-token==',
    });
  });

  it('refuse a token from another collection', () => {
    const token = continuationFromLink('customers.search', nextLink) as string;
    expectInvalid(() => readContinuation(token, 'customers.list', '/v1/customers'));
  });

  it("refuse a token that points at another customer's users", () => {
    const token = continuationFromLink('users.active', {
      ...nextLink,
      uri: '/customers/4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04/users?seekOperation=Next',
    }) as string;
    expectInvalid(() =>
      readContinuation(token, 'users.active', '/v1/customers/81a570b1-db47-4da6-9abd-a31abacd60b8/users'),
    );
    expect(
      readContinuation(token, 'users.active', '/v1/customers/4D3CF487-70F4-4E1E-9FF1-B2BFCE8D9F04/users')
        .path,
    ).toBe('/v1/customers/4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04/users?seekOperation=Next');
  });

  it.each([
    ['garbage', 'not a token!'],
    ['non-JSON', Buffer.from('{nope').toString('base64url')],
    ['a wrong shape', tokenWith({ s: 'customers.list', u: 42, h: [] })],
    ['a dot-dot escape', tokenWith({ s: 'customers.list', u: '/v1/customers/../auditrecords', h: [] })],
    ['a path outside /v1', tokenWith({ s: 'customers.list', u: '/customers', h: [] })],
    [
      'a forged Authorization header',
      tokenWith({ s: 'customers.list', u: '/v1/customers', h: [['Authorization', 'x']] }),
    ],
    [
      'a header with a line break',
      tokenWith({ s: 'customers.list', u: '/v1/customers', h: [['MS-X', 'a\r\nb']] }),
    ],
  ])('refuse %s', (_label, token) => {
    expectInvalid(() => readContinuation(token, 'customers.list', '/v1/customers'));
  });
});
