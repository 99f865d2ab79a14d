import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium, PlaygroundPage } from './playground-page';
import { describeInPlayground, type Participant, requireChromium, Steps } from './playground-steps';
import { type Stack, startStack } from './stack';

/**
 * End to end, as a newcomer sees it after `npm start`: the simulator, the bot and Microsoft 365 Agents
 * Playground, driven in headless Chromium. Needs /usr/bin/chromium (`apt-get install chromium`);
 * without it the suite is skipped locally, and fails in CI (CI=true), where `.ci/run` installs it.
 */

const STEP_TIMEOUT_MS = 15_000;
const CONTOSO190_TENANT_ID = 'c5757d70-06f3-4f23-8367-5a9e55019f94';
const ACME_TENANT_ID = '81a570b1-db47-4da6-9abd-a31abacd60b8';

describeInPlayground('the bot in Microsoft 365 Agents Playground', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let alex: Participant | undefined;
  const steps = new Steps(() => stack);
  const step = (name: string, work: (page: PlaygroundPage) => Promise<void>) => steps.run(name, alex, work);

  beforeAll(async () => {
    requireChromium();
    stack = await startStack();
    browser = await launchChromium();
    alex = {
      playground: stack.playground,
      page: await PlaygroundPage.open(browser, stack.playground.url, 20_000),
    };
  }, 40_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close({ keepWorkDir: steps.failed });
    if (steps.failed && stack)
      console.warn(`Playground end-to-end test: failure screenshots kept in ${stack.workDir}`);
  }, 15_000);

  it('signs in as Alex Wilber, who holds every role in config/roles.dev.json', () => {
    const roles = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../config/roles.dev.json'), 'utf8'),
    ) as {
      roles: Record<string, { users: string[] }>;
    };
    const alex = stack?.playground.config.currentUser;
    expect(alex?.name).toBe('Alex Wilber');
    for (const [role, { users }] of Object.entries(roles.roles)) {
      expect({ role, holdsIt: users.includes(alex?.aadObjectId ?? '') }).toEqual({ role, holdsIt: true });
    }
  });

  it('looks up contoso, opens Contoso190 from the list with its Select button, then looks up acme', async () => {
    await step('lookup contoso lists the Contoso customers', async (page) => {
      await page.send('lookup contoso', STEP_TIMEOUT_MS);
      const list = await page.waitForCard(
        ['Customers matching', 'Contoso190', 'contoso190.onmicrosoft.com'],
        STEP_TIMEOUT_MS,
      );
      await expectVisible(list.getByText('ContosoCorpCo.onmicrosoft.com'), 'the second Contoso row');
      await expectVisible(
        list.getByRole('button', { name: 'Select', exact: true }).first(),
        'a Select button',
      );
    });

    await step('Select on the Contoso190 row opens its customer card', async (page) => {
      const list = page.cards('Customers matching', 'Contoso190').last();
      await page
        .row(list, 'Contoso190', 'Select')
        .getByRole('button', { name: 'Select', exact: true })
        .click({ timeout: STEP_TIMEOUT_MS });
      await page.waitForText('Opened Contoso190.', STEP_TIMEOUT_MS);
      const customer = await page.waitForCard(
        ['Contoso190', CONTOSO190_TENANT_ID, 'Tenant id'],
        STEP_TIMEOUT_MS,
      );
      await expectVisible(
        customer.getByRole('button', { name: 'Users', exact: true }),
        'the Users button of the customer card',
      );
    });

    await step('lookup acme shows the single customer card', async (page) => {
      await page.send('lookup acme', STEP_TIMEOUT_MS);
      const customer = await page.waitForCard(['ACME Corporation', ACME_TENANT_ID], STEP_TIMEOUT_MS);
      await expectVisible(
        customer.getByRole('button', { name: 'Subscriptions', exact: true }),
        'the Subscriptions button of the ACME card',
      );
      expect(await customer.getByRole('button', { name: 'Select', exact: true }).count()).toBe(0);
    });
  }, 50_000);
});

async function expectVisible(locator: Locator, what: string): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).catch((error: Error) => {
    throw new Error(`${what} is not visible: ${error.message.split('\n')[0]}`);
  });
}
