import type { TurnContext } from 'botbuilder';

/**
 * The HTTP answer to one Bot Framework request, which a turn may give before it ends: the channel gets its
 * answer in time (Teams: a card button within seconds, any activity within 15 s) while the turn goes on with
 * its context intact and sends the rest through the connector. What the adapter writes after an early answer
 * is dropped.
 */

/** The response botbuilder's CloudAdapter.process writes to (its `Response` interface). */
export interface BotResponse {
  socket: unknown;
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

const EARLY_ANSWER = Symbol('earlyAnswer');

export class EarlyAnswer {
  private answered = false;
  private early = false;
  /** Hand this to the adapter instead of the real response. */
  readonly response: BotResponse;

  constructor(
    private readonly res: BotResponse,
    private readonly onEarlyAnswer: () => void = () => undefined,
  ) {
    this.response = {
      socket: res.socket,
      status: (code) => (this.answered ? undefined : res.status(code)),
      header: (name, value) => (this.answered ? undefined : res.header(name, value)),
      send: (body) => (this.answered ? undefined : res.send(body)),
      end: () => {
        if (this.answered) return undefined;
        this.answered = true;
        return res.end();
      },
    };
  }

  /** True when the request was answered before its turn ended. */
  get answeredEarly(): boolean {
    return this.early;
  }

  /** Makes `answerEarly` work in the turn of this request. */
  attach(context: TurnContext): void {
    context.turnState.set(EARLY_ANSWER, this);
  }

  /** Answers now; false if the request was answered already. */
  answer(status: number, body?: unknown): boolean {
    if (this.answered) return false;
    this.answered = true;
    this.early = true;
    this.res.status(status);
    if (body !== undefined) this.res.send(body);
    this.res.end();
    this.onEarlyAnswer();
    return true;
  }
}

/** Answers the HTTP request of this turn now, if the transport allows it (false otherwise, or if answered). */
export function answerEarly(context: TurnContext, status: number, body?: unknown): boolean {
  const early = context.turnState.get(EARLY_ANSWER) as EarlyAnswer | undefined;
  return early?.answer(status, body) ?? false;
}
