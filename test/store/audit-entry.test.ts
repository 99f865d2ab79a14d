import {
  findSecretLikeKey,
  isSecretLikeKey,
  maxDetailsBytes,
  validateAuditEntry,
} from '../../src/store/audit-entry';
import type { AuditEntry } from '../../src/store/store';

const entry: AuditEntry = {
  actorId: 'aad-1',
  roles: ['helpdesk'],
  action: 'user.resetPassword',
  outcome: 'succeeded',
  correlationId: 'corr-1',
};

describe('secret-like detail keys', () => {
  it.each([
    'password',
    'newPassword',
    'PASSWORD',
    'passwd',
    'pwd',
    'clientSecret',
    'client_secret',
    'token',
    'accessToken',
    'refresh-token',
    'credentials',
    'apiKey',
    'api_key',
    'Authorization',
    'cookie',
    'private_key',
    'clientAssertion',
  ])('recognises %s as secret-like', (key) => {
    expect(isSecretLikeKey(key)).toBe(true);
  });

  it.each(['errorCode', 'query', 'customerName', 'userPrincipalName', 'licenseSku', 'count'])(
    'lets %s through',
    (key) => {
      expect(isSecretLikeKey(key)).toBe(false);
    },
  );

  it('finds a secret-like key nested in objects and arrays, and reports its path', () => {
    expect(findSecretLikeKey({ request: { users: [{ name: 'a' }, { name: 'b', password: 'x' }] } })).toBe(
      'request.users[1].password',
    );
    expect(findSecretLikeKey({ request: { users: [{ name: 'a' }] }, n: 1 })).toBeUndefined();
  });
});

describe('audit entry validation', () => {
  it('accepts a complete entry with short, non-secret details', () => {
    expect(() =>
      validateAuditEntry({ ...entry, customerId: 'c-1', details: { errorCode: 'PC_NOT_FOUND' } }),
    ).not.toThrow();
  });

  it('rejects details with a secret-like key, naming the key but never the value', () => {
    const attempt = () => validateAuditEntry({ ...entry, details: { temporaryPassword: 'Hunter2!x' } });
    expect(attempt).toThrow(/temporaryPassword.*looks like a secret/);
    try {
      attempt();
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('Hunter2');
      expect(String(error)).not.toContain('Hunter2');
    }
  });

  it.each([
    ['an empty actorId', { actorId: '' }],
    ['a blank action', { action: '  ' }],
    ['a missing correlationId', { correlationId: undefined }],
    ['an unknown outcome', { outcome: 'maybe' }],
    ['roles that are not strings', { roles: [1] }],
    ['details that are an array', { details: ['a'] }],
    ['details that are null', { details: null }],
  ])('rejects %s', (_label, change) => {
    expect(() => validateAuditEntry({ ...entry, ...change } as unknown as AuditEntry)).toThrow(
      /Audit entry rejected/,
    );
  });

  it('rejects details larger than the size limit', () => {
    expect(() => validateAuditEntry({ ...entry, details: { query: 'x'.repeat(maxDetailsBytes) } })).toThrow(
      /bytes/,
    );
  });
});
