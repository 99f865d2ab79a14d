import path from 'node:path';
import { launchChromium, PlaygroundPage } from './playground-page';
import { startStack } from './stack';

/**
 * Regenerates the README screenshot, docs/playground-lookup.png: the Playground after `lookup contoso`
 * and a click on Contoso190's Select button. Run by hand: `npx tsx test/e2e/take-screenshot.ts [out.png]`.
 */

const STEP_TIMEOUT_MS = 15_000;

async function main(output: string): Promise<void> {
  const stack = await startStack();
  const browser = await launchChromium();
  try {
    const playground = await PlaygroundPage.open(browser, stack.playground.url, 20_000, {
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 0.8,
    });
    await playground.page.getByTitle('Hide log panel').click({ timeout: STEP_TIMEOUT_MS });
    await playground.send('lookup contoso', STEP_TIMEOUT_MS);
    const list = await playground.waitForCard(['Customers matching', 'Contoso190'], STEP_TIMEOUT_MS);
    await playground
      .row(list, 'Contoso190', 'Select')
      .getByRole('button', { name: 'Select', exact: true })
      .click({ timeout: STEP_TIMEOUT_MS });
    await playground.waitForCard(['Contoso190', 'Tenant id'], STEP_TIMEOUT_MS);
    await playground.waitForText('Opened Contoso190.', STEP_TIMEOUT_MS);
    await playground.page.evaluate('document.activeElement && document.activeElement.blur()');
    await playground.page.mouse.move(0, 0);
    await playground.page.screenshot({ path: output });
    process.stdout.write(`wrote ${output}\n`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

main(path.resolve(process.argv[2] ?? 'docs/playground-lookup.png')).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
