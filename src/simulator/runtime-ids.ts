import { intBetween, randomGuid, seededRandom } from './prng';

/**
 * Ids the simulator mints while running (audit records, service requests, missing request ids, MS-CV).
 * They come from a seeded sequence, so a replayed test run sees the same ids.
 */
export class IdSource {
  private readonly random = seededRandom('simulator-runtime-ids');

  guid(): string {
    return randomGuid(this.random);
  }

  /** Service request ids are 15-digit numeric strings (reference §2.5). */
  serviceRequestId(isTaken: (id: string) => boolean): string {
    let id: string;
    do {
      id = `6${String(intBetween(this.random, 0, 99_999_999_999_999)).padStart(14, '0')}`;
    } while (isTaken(id));
    return id;
  }

  /** An `MS-CV` correlation vector such as `7v11Wa//5EuGEo+A.0`. */
  correlationVector(): string {
    const bytes = Buffer.from(Array.from({ length: 12 }, () => intBetween(this.random, 0, 255)));
    return `${bytes.toString('base64')}.0`;
  }
}
