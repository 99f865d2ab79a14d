import { AppError } from '../../src/errors';
import { isConnectionFailure } from '../../src/store/postgres-executor';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('connection failure classification', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an unknown host', withCode('ENOTFOUND')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a connection exception SQLSTATE (class 08)', withCode('08006')],
    ['an administrator shutdown', withCode('57P01')],
    ['too many connections', withCode('53300')],
    ['a connection terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
  ])('treats %s as the store being unavailable', (_label, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a raised exception', withCode('P0001')],
    ['an AppError', new AppError('INTERNAL')],
    ['a non-error', 'ECONNREFUSED'],
  ])('treats %s as a failing statement, not an outage', (_label, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
