import { clip } from '../../src/cards/clip';

describe('clip', () => {
  it('keeps text that fits', () => {
    expect(clip('Contoso', 7)).toBe('Contoso');
  });

  it('cuts long text and marks the cut with an ellipsis, within the limit', () => {
    expect(clip('Contoso Corporation', 8)).toBe('Contoso…');
  });

  it('counts code points, never splitting an emoji or a CJK character', () => {
    expect(clip('😀😀😀😀', 3)).toBe('😀😀…');
    expect(clip('株式会社テスト', 5)).toBe('株式会社…');
  });
});
