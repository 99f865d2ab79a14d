import path from 'node:path';
import { strings } from '../../src/i18n/strings';
import { teamsMessage } from './custom-activities';
import { launchChromium, type PageOptions, PlaygroundPage } from './playground-page';
import { type Stack, startStack } from './stack';

/**
 * Regenerates a README screenshot (run by hand):
 * - `npx tsx test/e2e/take-screenshot.ts [out.png]` → docs/playground-lookup.png: the Playground after
 *   `lookup contoso` and a click on Contoso190's Select button;
 * - `npx tsx test/e2e/take-screenshot.ts --help-fr [out.png]` → docs/playground-help-fr.png: the help card in
 *   French, asked for as a French Teams user in Paris (a custom activity: the Playground types in en-US).
 */

const STEP_TIMEOUT_MS = 15_000;
const PARIS = 'Europe/Paris';

interface Scene {
  output: string;
  pageOptions?: PageOptions;
  stage(stack: Stack, playground: PlaygroundPage): Promise<void>;
}

const lookup: Scene = {
  output: 'docs/playground-lookup.png',
  async stage(_stack, playground) {
    await playground.send('lookup contoso', STEP_TIMEOUT_MS);
    const list = await playground.waitForCard(['Customers matching', 'Contoso190'], STEP_TIMEOUT_MS);
    await playground
      .row(list, 'Contoso190', 'Select')
      .getByRole('button', { name: 'Select', exact: true })
      .click({ timeout: STEP_TIMEOUT_MS });
    await playground.waitForCard(['Contoso190', 'Tenant id'], STEP_TIMEOUT_MS);
    await playground.waitForText('Opened Contoso190.', STEP_TIMEOUT_MS);
  },
};

const frenchHelp: Scene = {
  output: 'docs/playground-help-fr.png',
  pageOptions: { locale: 'fr-FR', timezoneId: PARIS },
  async stage(stack, playground) {
    const reader = { locale: 'fr-FR', country: 'FR', timeZone: PARIS };
    const card = await playground.newCardAfter(
      'help in French',
      () =>
        playground.sendCustomActivity(teamsMessage(stack.playground.config, 'help', reader), STEP_TIMEOUT_MS),
      [strings('fr-FR').t('help.title')],
      STEP_TIMEOUT_MS,
    );
    // The card is taller than the page (Alex holds every role, so it lists every command): show its top.
    await card.evaluate((element: { scrollIntoView(options: { block: 'start' }): void }) =>
      element.scrollIntoView({ block: 'start' }),
    );
  },
};

async function main(scene: Scene, output: string): Promise<void> {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const playground = await PlaygroundPage.open(browser, stack.playground.url, 20_000, {
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 0.8,
      ...scene.pageOptions,
    });
    await playground.page.getByTitle('Hide log panel').click({ timeout: STEP_TIMEOUT_MS });
    await scene.stage(stack, playground);
    await playground.page.evaluate('document.activeElement && document.activeElement.blur()');
    await playground.page.mouse.move(0, 0);
    await playground.page.screenshot({ path: output });
    process.stdout.write(`wrote ${output}\n`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

const args = process.argv.slice(2);
const scene = args[0] === '--help-fr' ? frenchHelp : lookup;
const output = args.find((arg) => !arg.startsWith('--')) ?? scene.output;
main(scene, path.resolve(output)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
