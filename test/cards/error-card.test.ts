import { errorCard } from '../../src/cards/error-card';
import { errorCatalog } from '../../src/errors';
import { strings } from '../../src/i18n/strings';
import { nodesOfType, textRuns } from './card-tree';

const text = strings('en-US');
const correlationId = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('error card', () => {
  it('apologizes and says what failed in the words of the error catalog', () => {
    const card = errorCard({ code: 'PC_THROTTLED', correlationId }, text);
    expect(textRuns(card).slice(0, 2)).toEqual(['Sorry, that did not work', errorCatalog.PC_THROTTLED]);
  });

  it('shows the correlation id in small monospace text', () => {
    const reference = nodesOfType(errorCard({ code: 'INTERNAL', correlationId }, text), 'TextRun').at(-1);
    expect(reference).toMatchObject({
      text: `Reference: ${correlationId}`,
      fontType: 'Monospace',
      size: 'Small',
    });
  });

  it('shows nothing but the catalog message and the reference', () => {
    expect(textRuns(errorCard({ code: 'INTERNAL', correlationId }, text))).toHaveLength(3);
  });
});
