import { existsSync } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';

/**
 * The Playground's web page, driven by headless Chromium (the Debian package; Playwright never downloads
 * a browser here). Everything the tests touch in the page goes through the selectors below, so a new
 * Playground release that changes its DOM breaks one file.
 *
 * Selectors, and where they come from:
 * - compose box:  `[contenteditable="true"][role="textbox"]` — the Playground's Lexical editor
 * - send button:  role `button`, name `Send Message` (its aria-label)
 * - a card:       `.ac-adaptiveCard` — the root the Adaptive Cards JS renderer gives every card
 * - a card button: role `button` with the action's title, inside the card (the renderer sets aria-label = title)
 * - the message of an invoke response (`application/vnd.microsoft.activity.message`): plain text on the page
 * - a card's texts: `.ac-textBlock` and `.ac-richTextBlock`, the renderer's TextBlock and RichTextBlock
 * - custom activities: the `Mock an Activity` menu's `Custom activity` item, a dialog with a Monaco editor
 *   (`.monaco-editor`) and a `Send activity` button; the dialog loads its starting activity from
 *   `GET /_internal/v1/customActivities/template` and posts the edited one to `POST /_internal/v1/customActivities`
 */

/** The options of the page's browser context the tests may set: its size, and the browser's language and zone. */
export type PageOptions = Pick<
  BrowserContextOptions,
  'viewport' | 'deviceScaleFactor' | 'locale' | 'timezoneId'
>;

/** An activity as JSON. */
export type ActivityJson = Record<string, unknown>;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !['http:', 'https:', 'ws:', 'wss:'].includes(protocol) || LOOPBACK_HOSTS.has(hostname);
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 20_000 });
}

export class PlaygroundPage {
  /** Requests the page tried to make off this machine (web fonts from the Office CDN), all refused. */
  readonly blockedRequests: string[] = [];

  private constructor(readonly page: Page) {}

  /**
   * Opens the Playground at `url` (offline: every non-loopback request is aborted) and waits for the compose box.
   * The page is 1280×800 CSS pixels, in the browser's default language and zone, unless `options` say otherwise.
   */
  static async open(
    browser: Browser,
    url: string,
    timeoutMs: number,
    options: PageOptions = {},
  ): Promise<PlaygroundPage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...options });
    const playground = new PlaygroundPage(page);
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (isLocal(requested)) return route.continue();
      playground.blockedRequests.push(requested);
      return route.abort('internetdisconnected');
    });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await playground.composeBox().waitFor({ state: 'visible', timeout: timeoutMs });
    return playground;
  }

  composeBox(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"]');
  }

  /** Types `text` in the compose box, presses the send button and waits until the box is empty again. */
  async send(text: string, timeoutMs: number): Promise<void> {
    const box = this.composeBox();
    await box.click({ timeout: timeoutMs });
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click({ timeout: timeoutMs });
    await this.page
      .waitForFunction((element) => (element?.textContent ?? '').trim() === '', await box.elementHandle(), {
        timeout: timeoutMs,
      })
      .catch((error: Error) => {
        throw new Error(`"${text}" was not sent (the compose box kept it): ${error.message.split('\n')[0]}`);
      });
  }

  /**
   * Sends `text` and waits for a new card (one more than before) showing every one of `texts`; returns it.
   * Unlike waitForCard, an older card with the same texts does not count.
   */
  async sendForCard(text: string, texts: string[], timeoutMs: number): Promise<Locator> {
    return this.newCardAfter(`"${text}"`, () => this.send(text, timeoutMs), texts, timeoutMs);
  }

  /**
   * Does `action` and waits for a new card (one more than before) showing every one of `texts`; returns it.
   * `what` names the action in the error.
   */
  async newCardAfter(
    what: string,
    action: () => Promise<void>,
    texts: string[],
    timeoutMs: number,
  ): Promise<Locator> {
    const before = await this.cards(...texts).count();
    await action();
    const card = this.cards(...texts).nth(before);
    await card.waitFor({ state: 'visible', timeout: timeoutMs }).catch((error: Error) => {
      throw new Error(
        `${what} brought no new Adaptive Card showing ${texts.map((shown) => `"${shown}"`).join(' and ')}: ${error.message.split('\n')[0]}`,
      );
    });
    return card;
  }

  /**
   * Sends an activity with the Playground's `Mock an Activity` → `Custom activity` editor: the activity the
   * editor starts from (the Playground's template: ids, service URL, conversation, sender and bot) with
   * `edit`'s changes, typed over the editor's text. Throws unless the Playground posted exactly that activity.
   */
  async sendCustomActivity(edit: (template: ActivityJson) => ActivityJson, timeoutMs: number): Promise<void> {
    const templateLoaded = this.page.waitForResponse(
      (response) => response.url().includes('/_internal/v1/customActivities/template'),
      { timeout: timeoutMs },
    );
    await this.page.getByRole('button', { name: 'Mock an Activity' }).click({ timeout: timeoutMs });
    await this.page.getByRole('menuitem', { name: 'Custom activity' }).click({ timeout: timeoutMs });
    const activity = edit((await (await templateLoaded).json()) as ActivityJson);
    const dialog = this.page.getByRole('dialog').filter({ hasText: 'Custom activity' });
    const editor = dialog.locator('.monaco-editor');
    await editor.click({ timeout: timeoutMs });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(JSON.stringify(activity));
    // The editor closes the first bracket and quote it is given, after the cursor: delete whatever follows it.
    await this.page.keyboard.press('ControlOrMeta+Shift+End');
    await this.page.keyboard.press('Delete');
    const posted = this.page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/_internal/v1/customActivities'),
      { timeout: timeoutMs },
    );
    await dialog.getByRole('button', { name: 'Send activity' }).click({ timeout: timeoutMs });
    const sent = (
      await posted.catch((error: Error) => {
        throw new Error(`the custom activity was not sent: ${error.message.split('\n')[0]}`);
      })
    ).postDataJSON() as ActivityJson;
    if (JSON.stringify(sent) !== JSON.stringify(activity)) {
      throw new Error(
        `the Playground sent another activity than the one typed in its editor:\n${JSON.stringify(sent)}`,
      );
    }
    await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
    // While the dialog closes the rest of the page stays aria-hidden, where role locators find nothing.
    await this.page.getByRole('button', { name: 'Send Message' }).waitFor({ timeout: timeoutMs });
  }

  /** The Adaptive Cards on the page that show every one of `texts` (case-insensitive substrings). */
  cards(...texts: string[]): Locator {
    return texts.reduce(
      (cards, text) => cards.filter({ hasText: text }),
      this.page.locator('.ac-adaptiveCard'),
    );
  }

  /** Waits until the last card showing every one of `texts` is visible, and returns it. */
  async waitForCard(texts: string[], timeoutMs: number): Promise<Locator> {
    const card = this.cards(...texts).last();
    await card.waitFor({ state: 'visible', timeout: timeoutMs }).catch((error: Error) => {
      throw new Error(
        `no visible Adaptive Card showing ${texts.map((text) => `"${text}"`).join(' and ')}: ${error.message.split('\n')[0]}`,
      );
    });
    return card;
  }

  /** Waits until `text` is visible anywhere on the page. */
  async waitForText(text: string, timeoutMs: number): Promise<void> {
    await this.page
      .getByText(text, { exact: false })
      .last()
      .waitFor({ state: 'visible', timeout: timeoutMs })
      .catch((error: Error) => {
        throw new Error(`"${text}" did not appear on the page: ${error.message.split('\n')[0]}`);
      });
  }

  /** The row of a card (the innermost container) that shows `text` and a button named `button`. */
  row(card: Locator, text: string, button: string): Locator {
    return card
      .locator('.ac-container')
      .filter({ hasText: text })
      .filter({ has: this.page.getByRole('button', { name: button, exact: true }) })
      .last();
  }

  /** The texts of `card`'s text blocks, each trimmed and with its white space runs as one space. */
  async blockTexts(card: Locator): Promise<string[]> {
    const texts = await card.locator('.ac-textBlock, .ac-richTextBlock').allInnerTexts();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The texts of every Adaptive Card on the page, for failure messages. */
  async cardTexts(): Promise<string[]> {
    return this.page.locator('.ac-adaptiveCard').allInnerTexts();
  }
}
