import { assertEtag, etagFor } from '../../../src/simulator/protocol/etags';

describe('etags (reference §2.10)', () => {
  const current = etagFor('A356AC8C-E310-44F4-BF85-C7F29044AF99', 3);

  it('are base64 of {"id","version"}, the eyJpZCI6 form of the documented values', () => {
    expect(current.startsWith('eyJpZCI6')).toBe(true);
    expect(JSON.parse(Buffer.from(current, 'base64').toString())).toEqual({
      id: 'A356AC8C-E310-44F4-BF85-C7F29044AF99',
      version: 3,
    });
  });

  it('accept a matching If-Match (quoted, weak or *), a matching body etag, or neither', () => {
    for (const ifMatch of [current, `"${current}"`, `W/"${current}"`, '*', `"stale", "${current}"`]) {
      expect(() => assertEtag(current, { ifMatch, bodyEtag: undefined }, 400)).not.toThrow();
    }
    expect(() => assertEtag(current, { ifMatch: undefined, bodyEtag: current }, 400)).not.toThrow();
    expect(() => assertEtag(current, { ifMatch: undefined, bodyEtag: undefined }, 400)).not.toThrow();
  });

  it('refuse a stale value with 2055 and the configured status; If-Match wins over the body', () => {
    const stale = etagFor('A356AC8C-E310-44F4-BF85-C7F29044AF99', 2);
    expect(() => assertEtag(current, { ifMatch: stale, bodyEtag: undefined }, 400)).toThrow(
      expect.objectContaining({ status: 400, code: 2055 }),
    );
    expect(() => assertEtag(current, { ifMatch: undefined, bodyEtag: stale }, 412)).toThrow(
      expect.objectContaining({ status: 412, code: 2055 }),
    );
    expect(() => assertEtag(current, { ifMatch: current, bodyEtag: stale }, 400)).not.toThrow();
  });
});
