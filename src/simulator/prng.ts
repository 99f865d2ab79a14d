import { createHash } from 'node:crypto';

/**
 * Deterministic randomness: the same label always yields the same sequence, so generated data and
 * runtime ids are identical from one run to the next.
 */
export type Random = () => number;

/** sfc32, seeded with the first 128 bits of SHA-256(label). Returns numbers in [0, 1). */
export function seededRandom(label: string): Random {
  const digest = createHash('sha256').update(label).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A version-4-shaped GUID drawn from `random`. */
export function randomGuid(random: Random): string {
  let hex = '';
  for (let i = 0; i < 4; i++) {
    hex += Math.floor(random() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  }
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID that is a pure function of `label`, for synthetic ids that must not change between runs. */
export function stableGuid(label: string): string {
  return randomGuid(seededRandom(label));
}
