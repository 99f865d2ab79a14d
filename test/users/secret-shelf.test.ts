import { SecretShelf } from '../../src/users/secret-shelf';

describe('the secret shelf (a late password, held in memory for its owner)', () => {
  const clock = { now: 0 };
  const shelf = () => new SecretShelf<string>(120_000, () => clock.now);

  beforeEach(() => {
    clock.now = 1_000_000;
  });

  it('gives the secret back once, to its owner, for an opaque token', () => {
    const shelved = shelf();
    const token = shelved.put('aad-megan', 'Xk7#secret');
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(token).not.toContain('Xk7');
    expect(shelved.take(token, 'aad-megan')).toBe('Xk7#secret');
    expect(shelved.take(token, 'aad-megan')).toBeUndefined();
  });

  it('never gives it to someone else, and keeps it for the owner after such a try', () => {
    const shelved = shelf();
    const token = shelved.put('aad-megan', 'Xk7#secret');
    expect(shelved.take(token, 'aad-alex')).toBeUndefined();
    expect(shelved.take(token, 'aad-megan')).toBe('Xk7#secret');
  });

  it('forgets it when its time is up', () => {
    const shelved = shelf();
    const token = shelved.put('aad-megan', 'Xk7#secret');
    clock.now += 119_999;
    const kept = shelved.put('aad-megan', 'other');
    clock.now += 1;
    expect(shelved.take(token, 'aad-megan')).toBeUndefined();
    expect(shelved.take(kept, 'aad-megan')).toBe('other');
  });

  it('answers nothing for a token it never gave', () => {
    expect(shelf().take('00000000-0000-4000-8000-000000000000', 'aad-megan')).toBeUndefined();
  });
});
