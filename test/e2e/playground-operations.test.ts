import type { Browser, Locator } from 'playwright-core';
import { launchChromium, PlaygroundPage } from './playground-page';
import { describeInPlayground, type Participant, requireChromium, Steps } from './playground-steps';
import { type Stack, startStack } from './stack';

/**
 * End to end in Microsoft 365 Agents Playground: the helpdesk's operations, clicked through as Alex Wilber
 * (every role) in his personal chat with the bot, against the simulator's seed data: a password reset, a
 * restore, a service request, and a suspension that Adele Vance (viewer, approver) approves from a second
 * Playground (the Playground cannot change its current user in the page). Each flow checks what the page
 * shows and how many changes reached the simulator.
 */

const STEP_TIMEOUT_MS = 20_000;
const DAKOTA_TENANT_ID = 'f3ff3c7c-f68d-48a3-bf3d-ee13c9e7fb2f';
const ACME_TENANT_ID = '81a570b1-db47-4da6-9abd-a31abacd60b8';
/** ACME's one subscription (Microsoft Azure), active in the seed data. */
const ACME_AZURE_SUBSCRIPTION_ID = '5E04BAA7-2C68-4B53-94DD-601404FD3A56';

const RESET_PASSWORD = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}/resetpassword';
const UPDATE_USER = 'PATCH /v1/customers/{customer-tenant-id}/users/{user-id}';
const CREATE_SERVICE_REQUEST = 'POST /v1/servicerequests/{agent-locale}';
const UPDATE_SUBSCRIPTION = 'PATCH /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}';

/** PASSWORD_LENGTH is not set in the stack, so a temporary password has the default 16 characters. */
const DEFAULT_PASSWORD_LENGTH = 16;

describeInPlayground(
  'helpdesk operations in Microsoft 365 Agents Playground, as Alex Wilber in his personal chat',
  () => {
    let stack: Stack | undefined;
    let browser: Browser | undefined;
    let alex: Participant | undefined;
    const steps = new Steps(() => stack);
    const step = (name: string, work: (page: PlaygroundPage) => Promise<void>) => steps.run(name, alex, work);

    /** How many calls of `route` the simulator answered so far. */
    const calls = (route: string) => stack?.simulator.calls.count(route) ?? Number.NaN;

    beforeAll(async () => {
      requireChromium();
      stack = await startStack();
      browser = await launchChromium();
      alex = {
        playground: stack.playground,
        page: await PlaygroundPage.open(browser, stack.playground.url, 20_000),
      };
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await stack?.close({ keepWorkDir: steps.failed });
      if (steps.failed && stack)
        console.warn(`Playground operations end-to-end test: failure screenshots kept in ${stack.workDir}`);
    }, 20_000);

    it('resets the password of Lidia Holloway from the Users card: the temporary password is shown once, to Alex only, and Partner Center is asked once', async () => {
      const resetsBefore = calls(RESET_PASSWORD);
      let password = '';

      await step('lookup dakota shows the Dakota mall customer card', async (page) => {
        const customer = await page.sendForCard(
          'lookup dakota',
          ['Dakota mall', DAKOTA_TENANT_ID, 'Tenant id'],
          STEP_TIMEOUT_MS,
        );
        await click(customer, 'Users');
        await page.waitForCard(
          ['Users of Dakota mall', 'lidia.holloway@dakotamall.onmicrosoft.com'],
          STEP_TIMEOUT_MS,
        );
      });

      await step(
        'Reset password on her row asks for a confirmation, and changes nothing yet',
        async (page) => {
          const users = page.cards('Users of Dakota mall').last();
          await click(
            page.row(users, 'lidia.holloway@dakotamall.onmicrosoft.com', 'Reset password'),
            'Reset password',
          );
          const confirmation = await page.waitForCard(
            ['Reset the password of Lidia Holloway?', 'lidia.holloway@dakotamall.onmicrosoft.com'],
            STEP_TIMEOUT_MS,
          );
          await expectVisible(
            confirmation.getByText('Require a password change at next sign-in'),
            'the change-at-sign-in toggle',
          );
          expect(calls(RESET_PASSWORD)).toBe(resetsBefore);
        },
      );

      await step('confirming shows the temporary password to Alex, once', async (page) => {
        const confirmation = page.cards('Reset the password of Lidia Holloway?').last();
        await click(confirmation, 'Reset password');
        const result = await page.waitForCard(
          [
            'Password reset for lidia.holloway@dakotamall.onmicrosoft.com by Alex Wilber',
            'Temporary password',
          ],
          STEP_TIMEOUT_MS,
        );
        // The password is the text block right after its label.
        const blocks = (await result.locator('.ac-richTextBlock').allInnerTexts()).map((text) => text.trim());
        password = blocks[blocks.indexOf('Temporary password (shown only to you, once):') + 1] ?? '';
        expect(password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
        expect(password).toMatch(/[a-z]/);
        expect(password).toMatch(/[A-Z]/);
        expect(password).toMatch(/[0-9]/);
        expect(password).toMatch(/[^a-zA-Z0-9]/);
        const pageText = (await page.page.locator('body').allInnerTexts()).join('\n');
        expect(pageText.split(password).length - 1).toBe(1);
        await expectVisible(
          result.getByText('The user must change it at the next sign-in.'),
          'the change-at-sign-in detail',
        );
      });

      expect(calls(RESET_PASSWORD) - resetsBefore).toBe(1);
      expect(stack?.botLog()).not.toContain(password);
    }, 90_000);

    it("does not reset an administrator's password (JohnDoe, User Account Administrator) on Alex's word alone", async () => {
      const resetsBefore = calls(RESET_PASSWORD);

      await step('Reset password on the JohnDoe row is refused or sent to an approver', async (page) => {
        const passwordsBefore = await page.cards('Temporary password').count();
        const users = await page.sendForCard(
          'users dakota mall',
          ['Users of Dakota mall', 'jd1990@dakotamall.onmicrosoft.com'],
          STEP_TIMEOUT_MS,
        );
        await click(page.row(users, 'jd1990@dakotamall.onmicrosoft.com', 'Reset password'), 'Reset password');
        // The privileged-target guard: refused outright, or (personal chat) turned into an approval request.
        const answer = page.page
          .locator('.ac-adaptiveCard')
          .filter({ hasText: /The password of JohnDoe was not reset|Password reset of an administrator/ })
          .filter({ hasText: 'User Account Administrator' })
          .last();
        await expectVisible(answer, 'the refusal or the approval request, naming the administrator role');
        expect(await page.cards('Temporary password').count()).toBe(passwordsBefore);
      });

      expect(calls(RESET_PASSWORD)).toBe(resetsBefore);
    }, 60_000);

    it("restores Pradeep Gupta (deleted 2 days ago) from the Users card's Deleted users button: one change in Partner Center, and he leaves the deleted list", async () => {
      const updatesBefore = calls(UPDATE_USER);

      await step('Deleted users on the Users card lists the restorable users', async (page) => {
        const users = await page.sendForCard('users dakota mall', ['Users of Dakota mall'], STEP_TIMEOUT_MS);
        await click(users, 'Deleted users');
        const deleted = await page.waitForCard(
          ['Deleted users of Dakota mall', 'pradeep.gupta@dakotamall.onmicrosoft.com'],
          STEP_TIMEOUT_MS,
        );
        const row = page.row(deleted, 'pradeep.gupta@dakotamall.onmicrosoft.com', 'Restore');
        await expectVisible(
          row.getByText(/\d+ days left to restore/),
          "the days left in Pradeep's restore window",
        );
      });

      await step('Restore on his row asks for a confirmation', async (page) => {
        const deleted = page
          .cards('Deleted users of Dakota mall', 'pradeep.gupta@dakotamall.onmicrosoft.com')
          .last();
        await click(page.row(deleted, 'pradeep.gupta@dakotamall.onmicrosoft.com', 'Restore'), 'Restore');
        await page.waitForCard(['Restore Pradeep Gupta?', 'Restore window'], STEP_TIMEOUT_MS);
        expect(calls(UPDATE_USER)).toBe(updatesBefore);
      });

      await step('confirming restores him', async (page) => {
        await click(page.cards('Restore Pradeep Gupta?').last(), 'Restore user');
        await page.waitForText(
          'Pradeep Gupta (pradeep.gupta@dakotamall.onmicrosoft.com) was restored by Alex Wilber',
          STEP_TIMEOUT_MS,
        );
      });

      await step('deleted users again no longer lists him, and users does', async (page) => {
        const deleted = await page.sendForCard(
          'deleted users dakota mall',
          ['Deleted users of Dakota mall', 'isaiah.langer@dakotamall.onmicrosoft.com'],
          STEP_TIMEOUT_MS,
        );
        expect(await deleted.textContent()).not.toContain('pradeep.gupta@dakotamall.onmicrosoft.com');
        await page.sendForCard(
          'users dakota mall',
          ['Users of Dakota mall', 'pradeep.gupta@dakotamall.onmicrosoft.com'],
          STEP_TIMEOUT_MS,
        );
      });

      expect(calls(UPDATE_USER) - updatesBefore).toBe(1);
    }, 90_000);

    it('opens a service request with Microsoft for Contoso190 from the new ticket form', async () => {
      const createsBefore = calls(CREATE_SERVICE_REQUEST);
      const title = 'Billing page of Contoso190 shows an error';
      let requestId = '';

      await step('new ticket contoso190 shows the form', async (page) => {
        await page.sendForCard(
          'new ticket contoso190',
          ['New service request for Contoso190', 'Create service request'],
          STEP_TIMEOUT_MS,
        );
      });

      await step('the filled form creates the service request', async (page) => {
        const form = page.cards('New service request for Contoso190', 'Create service request').last();
        await form.getByRole('combobox').click({ timeout: STEP_TIMEOUT_MS });
        await page.page
          .getByRole('option', { name: 'Partner Center Issues', exact: true })
          .click({ timeout: STEP_TIMEOUT_MS });
        expect(await form.getByRole('combobox').inputValue()).toBe('Partner Center Issues');
        await form.getByPlaceholder('One line that says what is wrong').fill(title);
        await form
          .getByPlaceholder('What happens, since when, what you already tried')
          .fill('Since Monday the billing page answers with an error for every agent. We cleared the cache.');
        await form
          .getByRole('radio', { name: 'Minimal (C): little business impact', exact: true })
          .check({ timeout: STEP_TIMEOUT_MS });
        await click(form, 'Create service request');
        const created = await page.waitForCard(
          ['Service request', 'created', 'Request id', title],
          STEP_TIMEOUT_MS,
        );
        const heading = /Service request (\d+) created/.exec((await created.textContent()) ?? '');
        requestId = heading?.[1] ?? '';
        expect(requestId).toMatch(/^\d{15}$/);
        await expectVisible(created.getByText('Partner Center Issues', { exact: true }), 'the topic');
      });

      await step('ticket <id> opens it again', async (page) => {
        await page.sendForCard(`ticket ${requestId}`, [requestId, title], STEP_TIMEOUT_MS);
      });

      expect(calls(CREATE_SERVICE_REQUEST) - createsBefore).toBe(1);
    }, 90_000);

    it("asks for the suspension of ACME's Azure subscription: Alex cannot approve his own request, Adele Vance approves it from her own Playground, and the subscription is suspended once", async () => {
      const updatesBefore = calls(UPDATE_SUBSCRIPTION);
      const approvalCard = ['Suspension of a subscription', 'Requested by', 'Reason'];

      await step('suspend … because … shows the approval card', async (page) => {
        await page.sendForCard(
          `suspend ${ACME_TENANT_ID} ${ACME_AZURE_SUBSCRIPTION_ID} because unpaid invoices since January`,
          [...approvalCard, 'unpaid invoices since January', 'Alex Wilber'],
          STEP_TIMEOUT_MS,
        );
        await page.waitForCard(
          ['Sent for approval', 'Suspension of a subscription', 'ACME Corporation'],
          STEP_TIMEOUT_MS,
        );
      });

      // The Playground has no user-specific card views, so Alex sees the approvers' buttons on his own request.
      await step("Alex's Approve on his own request is refused", async (page) => {
        await click(page.cards(...approvalCard, 'ACME Corporation').last(), 'Approve');
        await page.waitForCard(
          [...approvalCard, 'You asked for this yourself, so another approver must decide it.'],
          STEP_TIMEOUT_MS,
        );
        expect(calls(UPDATE_SUBSCRIPTION)).toBe(updatesBefore);
      });

      if (!stack || !browser) throw new Error('the stack did not start (see the beforeAll error)');
      const adelePlayground = await stack.startPlaygroundAs('Adele Vance');
      const adele: Participant = {
        playground: adelePlayground,
        page: await PlaygroundPage.open(browser, adelePlayground.url, 20_000),
      };
      expect(adelePlayground.config.currentUser.name).toBe('Adele Vance');

      await steps.run('approvals lists the request, and Approve carries it out', adele, async (page) => {
        const list = await page.sendForCard(
          'approvals',
          ['Waiting for approval', 'ACME Corporation', 'unpaid invoices since January'],
          STEP_TIMEOUT_MS,
        );
        await click(page.row(list, 'ACME Corporation', 'Approve'), 'Approve');
        await page.waitForCard([...approvalCard, 'Approved by Adele Vance'], STEP_TIMEOUT_MS);
      });

      await step("Alex's approval card says it is done, and he is told", async (page) => {
        await page.waitForCard(
          [...approvalCard, 'Done: the subscription is suspended.', 'Approved by Adele Vance'],
          STEP_TIMEOUT_MS,
        );
        await page.waitForText('Your request was approved and carried out', STEP_TIMEOUT_MS);
      });

      expect(calls(UPDATE_SUBSCRIPTION) - updatesBefore).toBe(1);
    }, 120_000);
  },
);

/** Clicks the button titled `title` in `scope` (a card or a row of one). */
async function click(scope: Locator, title: string): Promise<void> {
  await scope
    .getByRole('button', { name: title, exact: true })
    .click({ timeout: STEP_TIMEOUT_MS })
    .catch((error: Error) => {
      throw new Error(`could not click "${title}": ${error.message.split('\n')[0]}`);
    });
}

async function expectVisible(locator: Locator, what: string): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).catch((error: Error) => {
    throw new Error(`${what} is not visible: ${error.message.split('\n')[0]}`);
  });
}
