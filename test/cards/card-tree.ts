/** Small readers over expanded card JSON, for assertions. */

type Json = unknown;

export interface CardNode {
  type?: unknown;
  [key: string]: unknown;
}

function children(value: Json): Json[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return [];
}

/** Every object in the card (depth first), including the card itself. */
export function allNodes(card: Json): CardNode[] {
  const found: CardNode[] = [];
  const visit = (value: Json) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) found.push(value as CardNode);
    children(value).forEach(visit);
  };
  visit(card);
  return found;
}

export function nodesOfType(card: Json, type: string): CardNode[] {
  return allNodes(card).filter((node) => node.type === type);
}

export function textRuns(card: Json): string[] {
  return nodesOfType(card, 'TextRun').map((node) => String(node.text));
}

export interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

export function executeActions(card: Json): ExecuteAction[] {
  return nodesOfType(card, 'Action.Execute') as unknown as ExecuteAction[];
}

/** The card's structure: every string replaced by "", except element types and verbs. */
export function skeleton(card: Json): Json {
  if (Array.isArray(card)) return card.map(skeleton);
  if (typeof card === 'object' && card !== null) {
    return Object.fromEntries(
      Object.entries(card).map(([key, value]) => [
        key,
        typeof value === 'string' && key !== 'type' && key !== 'verb' ? '' : skeleton(value),
      ]),
    );
  }
  return card;
}
