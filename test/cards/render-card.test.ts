// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests are about literal `${…}` bindings and data.

import { Template } from 'adaptivecards-templating';
import {
  cardByteLength,
  defineTemplate,
  maxCardBytes,
  maxTextLength,
  neutralizeTextFunctions,
  renderCard,
} from '../../src/cards/render-card';
import { AppError } from '../../src/errors';
import { executeActions, textRuns } from './card-tree';

interface SampleView {
  title: string;
  note?: string | null;
  rows: { name: string }[];
  id: string;
}

const sampleJson = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Hello ${title}!' }] },
    { type: 'RichTextBlock', $when: '${exists(note)}', inlines: [{ type: 'TextRun', text: '${note}' }] },
    { type: 'RichTextBlock', $data: '${rows}', inlines: [{ type: 'TextRun', text: '${name}' }] },
  ],
  actions: [{ type: 'Action.Execute', title: '${title}', verb: 'sample.go', data: { id: '${id}' } }],
};
const sample = defineTemplate<SampleView>('sample', sampleJson);

describe('renderCard', () => {
  it('binds data into the template without evaluating it', () => {
    const card = renderCard(sample, { title: '${id}', rows: [{ name: '${$root.title}' }], id: '"}]' });
    expect(textRuns(card)).toEqual(['Hello ${id}!', '${$root.title}']);
    expect(executeActions(card)[0]?.data).toEqual({ id: '"}]' });
  });

  it('leaves the template untouched so it can be rendered again', () => {
    const before = JSON.stringify(sampleJson);
    renderCard(sample, { title: 'a', rows: [], id: '1' });
    renderCard(sample, { title: 'b', rows: [{ name: 'x' }], id: '2' });
    expect(JSON.stringify(sampleJson)).toBe(before);
  });

  it('treats null like an absent field instead of crashing the templating engine', () => {
    const card = renderCard(sample, { title: 'a', note: null, rows: [], id: '1' });
    expect(textRuns(card)).toEqual(['Hello a!']);
  });

  it('refuses a template that binds a field the data does not have, rather than printing ${field}', () => {
    const broken = defineTemplate<{ title: string }>('broken', {
      ...sampleJson,
      body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${titel}' }] }],
      actions: [],
    });
    let thrown: unknown;
    try {
      renderCard(broken, { title: 'a' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'INTERNAL', details: { template: 'broken', missing: ['titel'] } });
  });

  it('breaks up {{DATE(…)}} and {{TIME(…)}} in data so no renderer formats them', () => {
    const card = renderCard(sample, { title: '{{DATE(2017-02-14T06:08:39Z, SHORT)}}', rows: [], id: '1' });
    expect(textRuns(card)[0]).toBe('Hello {\u2060{DATE(2017-02-14T06:08:39Z, SHORT)}}!');
    expect(JSON.stringify(card)).not.toContain('{{DATE(');
  });

  it('clips any string to the longest text a card shows', () => {
    const card = renderCard(sample, { title: 'x'.repeat(maxTextLength + 50), rows: [], id: '1' });
    expect(Array.from(textRuns(card)[0] ?? '').length).toBe('Hello !'.length + maxTextLength);
  });

  it('refuses a card larger than Teams accepts', () => {
    const rows = Array.from({ length: 40 }, () => ({ name: '語'.repeat(maxTextLength) }));
    expect(() => renderCard(sample, { title: 'a', rows, id: '1' })).toThrow(/too large/);
  });
});

describe('renderCard for data it has rendered before', () => {
  let expand: jest.SpyInstance;
  beforeEach(() => {
    expand = jest.spyOn(Template.prototype, 'expand');
  });
  afterEach(() => {
    expand.mockRestore();
  });
  const counted = (name: string, json: object) =>
    defineTemplate<{ title: string; count?: number }>(name, json);
  const countJson = (text: string) => ({
    ...sampleJson,
    body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }],
    actions: [],
  });

  it('gives the same card again without expanding the template, as a copy of its own each time', () => {
    const template = counted('cached', countJson('${title}'));
    const first = renderCard(template, { title: 'Contoso' });
    first.body.push({ type: 'TextBlock', text: 'changed by its caller' });
    const second = renderCard(template, { title: 'Contoso' });
    const third = renderCard(template, { title: 'Fabrikam' });

    expect(expand).toHaveBeenCalledTimes(2);
    expect(textRuns(second)).toEqual(['Contoso']);
    expect(second.body).toHaveLength(1);
    expect(second).not.toBe(renderCard(template, { title: 'Contoso' }));
    expect(textRuns(third)).toEqual(['Fabrikam']);
  });

  it('tells the clipped from the unclipped rendering of the same data apart', () => {
    const template = counted('clipped', countJson('${title}'));
    const title = 'x'.repeat(maxTextLength + 10);
    expect(Array.from(textRuns(renderCard(template, { title }))[0] ?? '')).toHaveLength(maxTextLength);
    expect(textRuns(renderCard(template, { title }, { maxTextLength: 2000 }))[0]).toBe(title);
  });

  it('expands again every time a template that uses a volatile function', () => {
    const template = counted('volatile', countJson("${title} ${formatDateTime(utcNow(), 'yyyy')}"));
    renderCard(template, { title: 'a' });
    renderCard(template, { title: 'a' });
    expect(expand).toHaveBeenCalledTimes(2);
  });

  it('expands again for numbers JSON cannot spell (NaN is not null)', () => {
    const template = counted('numbers', countJson('${title} ${count}'));
    renderCard(template, { title: 'a', count: Number.NaN });
    renderCard(template, { title: 'a', count: Number.NaN });
    expect(expand).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing from a render that failed', () => {
    const template = counted('failing', countJson('${titel}'));
    expect(() => renderCard(template, { title: 'a' })).toThrow(/missing data/);
    expect(() => renderCard(template, { title: 'a' })).toThrow(/missing data/);
  });
});

describe('neutralizeTextFunctions', () => {
  it('changes only the opening braces of DATE and TIME functions', () => {
    expect(neutralizeTextFunctions('{{TIME(x)}} {{name}} {{DATE(y)}}')).toBe(
      '{\u2060{TIME(x)}} {{name}} {\u2060{DATE(y)}}',
    );
  });
});

describe('cardByteLength', () => {
  it('counts UTF-8 bytes of the JSON, as Teams does', () => {
    expect(cardByteLength({ a: '語' })).toBe('{"a":""}'.length + 3);
    expect(maxCardBytes).toBe(28 * 1024);
  });
});
