/**
 * A labelled value shown as one row of a two-column list. The value is bound to a `TextRun`, so it may hold
 * untrusted text; identifiers are shown in monospace so they are easy to read and copy.
 */
export interface Field {
  label: string;
  value: string;
  fontType: 'Default' | 'Monospace';
}

export function field(label: string, value: string): Field {
  return { label, value, fontType: 'Default' };
}

export function idField(label: string, value: string): Field {
  return { label, value, fontType: 'Monospace' };
}
