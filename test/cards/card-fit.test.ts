import { isCardTooLarge, renderIfFits } from '../../src/cards/card-fit';
import { messageCard } from '../../src/cards/message-card';
import { AppError } from '../../src/errors';

describe('rendering a card only if it fits Teams', () => {
  it('answers the card when it fits', () => {
    const card = renderIfFits(() => messageCard({ style: 'info', title: 'fits' }));
    expect(card?.type).toBe('AdaptiveCard');
  });

  it('answers nothing when the card is over the size limit', () => {
    const details = Array.from({ length: 40 }, () => '😀'.repeat(999));
    expect(renderIfFits(() => messageCard({ style: 'info', title: 'too big', details }))).toBeUndefined();
  });

  it('lets every other failure through', () => {
    const failure = new AppError('INTERNAL', 'Card template "x" binds missing data', { missing: ['y'] });
    expect(isCardTooLarge(failure)).toBe(false);
    expect(() =>
      renderIfFits(() => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});
