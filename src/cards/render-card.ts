import { GlobalSettings, Template } from 'adaptivecards-templating';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors';
import { clip } from './clip';

/**
 * The one place where card templates meet data. Templates are Adaptive Card JSON files with `${…}` bindings
 * (src/cards/templates); data is a plain view model built by one small builder per card.
 *
 * Safety rules, enforced here and by the tests:
 * - Data is never spliced into template text: every string reaches the card through a binding, so quotes,
 *   backslashes, `${…}` or JSON-looking text in data stay literal (adaptivecards-templating evaluates the
 *   template, not the data).
 * - `null` is dropped before expansion (the engine crashes on it) and a binding to a missing field is an error
 *   (the engine would otherwise print the raw `${field}` into the card).
 * - Untrusted text is bound only to `TextRun`s, which Adaptive Cards never read as Markdown; `{{DATE(…)}}` and
 *   `{{TIME(…)}}`, which renderers format even in a `TextRun`, are broken up with an invisible word joiner.
 * - Every string is clipped to `maxTextLength` code points, and the expanded card must fit the Teams message
 *   limit (builders of lists clip their rows harder and cap the row count so that this holds).
 */

export const cardSchemaUrl = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const cardVersion = '1.5';
/** Teams rejects messages over about 28 KB; the card is most of the message. */
export const maxCardBytes = 28 * 1024;
/** The longest string a card shows, in code points. */
export const maxTextLength = 1000;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

/** Values a template can bind: JSON without `null`; an `undefined` property counts as absent. */
export type TemplateValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly TemplateValue[]
  | TemplateObject;
export interface TemplateObject {
  readonly [key: string]: TemplateValue;
}

declare const dataType: unique symbol;

/** A parsed template tagged with the shape of the data it binds, so `renderCard` checks the pairing. */
export interface CardTemplate<TData> {
  readonly name: string;
  readonly json: object;
  readonly [dataType]?: TData;
}

export function defineTemplate<TData>(name: string, json: object): CardTemplate<TData> {
  return { name, json };
}

const textFunction = /\{\{(?=(?:DATE|TIME)\()/g;
const wordJoiner = '\u2060';

/** Stops a renderer from reading `{{DATE(…)}}`/`{{TIME(…)}}` in data as a formatting function. */
export function neutralizeTextFunctions(text: string): string {
  return text.replace(textFunction, `{${wordJoiner}{`);
}

/**
 * The data as the template sees it: `null`/`undefined` dropped, every string clipped and neutralized.
 * `exact.cacheable` turns false on a number that JSON cannot spell (NaN, ±Infinity, -0), so that the data's
 * JSON stays a faithful key for the rendered card.
 */
function prepare(value: TemplateValue, limit: number, exact: { cacheable: boolean }): TemplateValue {
  if (typeof value === 'string') {
    // No more UTF-16 units than the limit means no more code points either: nothing to clip.
    return neutralizeTextFunctions(value.length <= limit ? value : clip(value, limit));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) exact.cacheable = false;
    return value;
  }
  if (Array.isArray(value))
    return value
      .filter((item) => item !== null && item !== undefined)
      .map((item) => prepare(item, limit, exact));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as TemplateObject).filter(
      ([, item]) => item !== null && item !== undefined,
    );
    return Object.fromEntries(entries.map(([key, item]) => [key, prepare(item, limit, exact)]));
  }
  return value;
}

/** Functions whose result is not the same every time (adaptive-expressions): a template using one is never cached. */
const volatileFunction = /\b(?:utcNow|rand|newGuid|getFutureTime|getPastTime|getTimeOfDay)\s*\(/;

interface ParsedTemplate {
  template: Template;
  /** Tells this template's rendered cards apart from another's in `renderedCards`. */
  id: number;
  /** True when the same data always expands to the same card (no volatile function). */
  deterministic: boolean;
}

/**
 * Parsed templates, one per template JSON: parsing every `${…}` binding (adaptive-expressions) was most of the
 * cost of a render. A Template only keeps per-expansion state while `expand` runs, synchronously.
 */
const parsedTemplates = new WeakMap<object, ParsedTemplate>();
let nextTemplateId = 0;

function parsedTemplate(json: object): ParsedTemplate {
  let parsed = parsedTemplates.get(json);
  if (!parsed) {
    parsed = {
      template: new Template(json),
      id: nextTemplateId++,
      deterministic: !volatileFunction.test(JSON.stringify(json)),
    };
    parsedTemplates.set(json, parsed);
  }
  return parsed;
}

/**
 * Cards already rendered, as JSON, by template and prepared data: the same help card or customer card is asked
 * for again and again, and expanding a template costs far more than parsing its result. Each render hands out
 * a fresh copy, so a caller may change its card. Bounded in entries and in size.
 */
const renderedCards = new LRUCache<string, string>({
  max: 1000,
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (json, key) => json.length + key.length,
});

/** Expands the template synchronously, collecting every binding whose field is missing from the data. */
function expandRecordingMissing(
  template: Template,
  data: TemplateValue,
): { card: unknown; missing: string[] } {
  const missing: string[] = [];
  const previous = GlobalSettings.getUndefinedFieldValueSubstitutionString;
  GlobalSettings.getUndefinedFieldValueSubstitutionString = (path) => {
    missing.push(path);
    return undefined;
  };
  try {
    return { card: template.expand({ $root: data }), missing };
  } finally {
    GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
  }
}

export function cardByteLength(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export interface RenderOptions {
  /**
   * The longest string kept, in code points (default `maxTextLength`). Only forms that give back what an
   * agent typed raise it, so that nothing typed is cut; the Teams size limit still holds.
   */
  maxTextLength?: number;
}

export function renderCard<TData extends object>(
  template: CardTemplate<TData>,
  data: TData,
  options: RenderOptions = {},
): AdaptiveCard {
  const limit = options.maxTextLength ?? maxTextLength;
  const parsed = parsedTemplate(template.json);
  const exact = { cacheable: parsed.deterministic };
  const prepared = prepare(data as TemplateObject, limit, exact);
  const key = exact.cacheable ? `${parsed.id}:${JSON.stringify(prepared)}` : undefined;
  const rendered = key === undefined ? undefined : renderedCards.get(key);
  if (rendered !== undefined) return JSON.parse(rendered) as AdaptiveCard;

  const { card, missing } = expandRecordingMissing(parsed.template, prepared);
  if (missing.length > 0) {
    throw new AppError('INTERNAL', `Card template "${template.name}" binds missing data`, {
      template: template.name,
      missing: [...new Set(missing)],
    });
  }
  const json = JSON.stringify(card);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxCardBytes) {
    throw new AppError('INTERNAL', `Card "${template.name}" is too large for Teams`, {
      template: template.name,
      bytes,
    });
  }
  if (key !== undefined) renderedCards.set(key, json);
  return card as AdaptiveCard;
}
