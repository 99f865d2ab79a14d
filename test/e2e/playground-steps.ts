import path from 'node:path';
import { CHROMIUM_PATH, chromiumAvailable, type PlaygroundPage } from './playground-page';
import type { RunningPlayground } from './playground-process';
import type { Stack } from './stack';

/**
 * What every Playground end-to-end suite shares: when it runs (Chromium present, or CI, where a missing
 * Chromium is a failure), and steps that explain themselves when they fail.
 */

const runHere = chromiumAvailable() || process.env.CI === 'true';

/** `describe` when Chromium is here or in CI; otherwise the suite is skipped with a warning saying why. */
export function describeInPlayground(title: string, suite: () => void): void {
  if (!runHere) {
    console.warn(
      `SKIPPED "${title}": no Chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH); in CI (CI=true) this test fails instead of skipping.`,
    );
  }
  (runHere ? describe : describe.skip)(title, suite);
}

/** Throws in CI when Chromium is missing (call it first in beforeAll). */
export function requireChromium(): void {
  if (!chromiumAvailable()) {
    throw new Error(
      `CI=true but there is no Chromium at ${CHROMIUM_PATH}: .ci/run must apt-get install chromium before npm test`,
    );
  }
}

/** One person in the conversation: their Playground and its page. */
export interface Participant {
  playground: RunningPlayground;
  page: PlaygroundPage;
}

export class Steps {
  /** Whether a step failed (the suite then keeps the stack's work directory, with the screenshots). */
  failed = false;

  constructor(private readonly stack: () => Stack | undefined) {}

  /**
   * Runs one step on `who`'s page; on failure saves a screenshot and says what the page, the bot and that
   * person's Playground showed.
   */
  async run(
    name: string,
    who: Participant | undefined,
    work: (page: PlaygroundPage) => Promise<void>,
  ): Promise<void> {
    const stack = this.stack();
    if (!who || !stack)
      throw new Error(`step "${name}": the Playground page is not open (see the beforeAll error)`);
    try {
      await work(who.page);
    } catch (error) {
      this.failed = true;
      const user = who.playground.config.currentUser.name;
      const screenshot = path.join(stack.workDir, `failure-${`${user} ${name}`.replace(/\W+/g, '-')}.png`);
      await who.page.page.screenshot({ path: screenshot }).catch(() => undefined);
      const cards = await who.page.cardTexts().catch(() => []);
      throw new Error(
        [
          `step "${name}" (as ${user}) failed: ${(error as Error).message}`,
          `screenshot: ${screenshot}`,
          `cards on the page (${cards.length}):`,
          ...cards.map((text, index) => `  [${index}] ${text.replace(/\s+/g, ' ').slice(0, 300)}`),
          'bot warnings and errors:',
          stack.botProblems(),
          who.playground.logTail(),
        ].join('\n'),
      );
    }
  }
}
