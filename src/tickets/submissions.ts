import { randomUUID } from 'node:crypto';
import { StateConflictError, type StateRepository } from '../store/store';

/**
 * Forms that must be submitted at most once (a new service request, a note on one). Teams retries a card
 * invoke that answers slowly, and agents double-click: each form therefore carries the opaque id of a
 * submission kept in the store, and only the one caller that moves it from `open` to `submitting` (a
 * conditional write on its etag) calls Partner Center. A failed call reopens it, so the agent can try again.
 */

/** Short, non-secret facts kept with the form (which customer, which request). */
export type SubmissionFacts = Readonly<Record<string, string>>;

type Stored =
  | { status: 'open'; facts: SubmissionFacts }
  | { status: 'submitting'; facts: SubmissionFacts; since: string }
  | { status: 'done'; facts: SubmissionFacts; result: string };

export type SubmissionClaim =
  | { kind: 'claimed'; facts: SubmissionFacts }
  /** Someone else is submitting it right now. */
  | { kind: 'busy'; facts: SubmissionFacts }
  /** Already submitted: `result` names what it created. */
  | { kind: 'done'; facts: SubmissionFacts; result: string }
  | { kind: 'unknown' };

/** A submission stuck in `submitting` this long belongs to a turn that died; it may be claimed again. */
export const SUBMISSION_LEASE_MS = 2 * 60_000;

export class Submissions {
  constructor(
    private readonly state: StateRepository,
    private readonly kind: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new open submission; returns its id for the form to carry. */
  async open(facts: SubmissionFacts): Promise<string> {
    const id = randomUUID();
    await this.write(id, { status: 'open', facts });
    return id;
  }

  /** The facts of a submission, in whatever state it is; undefined when there is none. */
  async find(id: string): Promise<SubmissionFacts | undefined> {
    const stored = (await this.state.read([this.key(id)])).get(this.key(id))?.value as Stored | undefined;
    return stored?.facts;
  }

  /** What a submission created (`result`), with its facts, once it is done; otherwise undefined. Reads only. */
  async created(id: string): Promise<{ facts: SubmissionFacts; result: string } | undefined> {
    const stored = (await this.state.read([this.key(id)])).get(this.key(id))?.value as Stored | undefined;
    return stored?.status === 'done' ? { facts: stored.facts, result: stored.result } : undefined;
  }

  async claim(id: string): Promise<SubmissionClaim> {
    const item = (await this.state.read([this.key(id)])).get(this.key(id));
    const stored = item?.value as Stored | undefined;
    if (!item || !stored) return { kind: 'unknown' };
    if (stored.status === 'done') return { kind: 'done', facts: stored.facts, result: stored.result };
    if (
      stored.status === 'submitting' &&
      this.now().getTime() - new Date(stored.since).getTime() < SUBMISSION_LEASE_MS
    ) {
      return { kind: 'busy', facts: stored.facts };
    }
    const submitting: Stored = { status: 'submitting', facts: stored.facts, since: this.now().toISOString() };
    try {
      await this.state.write([{ key: this.key(id), value: submitting, etag: item.etag }]);
    } catch (error) {
      if (error instanceof StateConflictError) return { kind: 'busy', facts: stored.facts };
      throw error;
    }
    return { kind: 'claimed', facts: stored.facts };
  }

  /** The claimed submission went through; `result` is what it created (e.g. the service request id). */
  async complete(id: string, facts: SubmissionFacts, result: string): Promise<void> {
    await this.write(id, { status: 'done', facts, result });
  }

  /** The claimed submission failed: open again for another try. */
  async reopen(id: string, facts: SubmissionFacts): Promise<void> {
    await this.write(id, { status: 'open', facts });
  }

  private key(id: string): string {
    return `submissions/${this.kind}/${id}`;
  }

  private write(id: string, value: Stored): Promise<void> {
    return this.state.write([{ key: this.key(id), value }]);
  }
}
