// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the tests are about literal `${…}` bindings and data.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cardSchemaUrl, cardVersion } from '../../src/cards/render-card';
import { cardVerbs } from '../../src/cards/verbs';
import { allNodes } from './card-tree';

const templatesDir = path.join(__dirname, '../../src/cards/templates');
const templates = readdirSync(templatesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(path.join(templatesDir, file), 'utf8'))] as const);

/** Properties whose value a user reads. */
const visibleProperties = ['text', 'title', 'altText', 'placeholder', 'label', 'fallbackText'];
const singleBinding = /^\$\{[^{}]+\}$/;
/** The one binding allowed in a TextBlock: a date and time the bot formatted for the reader (never outside text). */
const timestampText = '${at}';

describe('card templates', () => {
  it('are one file per card', () => {
    expect(templates.map(([file]) => file).sort()).toEqual([
      'approval-list.json',
      'approval.json',
      'audit.json',
      'customer-list.json',
      'customer.json',
      'deleted-users.json',
      'error.json',
      'gdap-role-missing.json',
      'help.json',
      'identity-doctor.json',
      'lookup-no-match.json',
      'message.json',
      'no-role.json',
      'provisioning-watch.json',
      'provisioning.json',
      'reset-confirmation.json',
      'reset-result.json',
      'reset-withheld.json',
      'restore-confirmation.json',
      'restore-result.json',
      'subscription-list.json',
      'support-topics.json',
      'suspension-form.json',
      'ticket-created.json',
      'ticket-details.json',
      'ticket-form.json',
      'ticket-list.json',
      'ticket-portal.json',
      'user-customer-pick.json',
      'user-details.json',
      'user-list.json',
      'welcome.json',
      'whoami.json',
    ]);
  });

  describe.each(templates)('%s', (_file, template) => {
    it('declares version 1.5 and the Adaptive Card schema', () => {
      expect(template).toMatchObject({ type: 'AdaptiveCard', version: cardVersion, $schema: cardSchemaUrl });
    });

    it('spells no user-visible text itself: every visible string is bound from data', () => {
      for (const node of allNodes(template)) {
        for (const property of visibleProperties) {
          const value = node[property];
          if (typeof value !== 'string') continue;
          if (node.type === 'TextBlock') expect(value).toBe(timestampText);
          else expect(value).toMatch(singleBinding);
        }
      }
    });

    it('leaves no date or time for the renderer to format (not every host formats {{DATE()}} and {{TIME()}})', () => {
      expect(JSON.stringify(template)).not.toMatch(/\{\{(DATE|TIME)\(/);
    });

    it('uses only Action.Execute with a known verb and data made of bound ids (or a link bound to a built URL)', () => {
      const knownVerbs: string[] = Object.values(cardVerbs);
      for (const node of allNodes(template).filter((item) => String(item.type).startsWith('Action.'))) {
        if (node.type === 'Action.OpenUrl') {
          expect(node.url).toMatch(singleBinding);
          continue;
        }
        expect(node.type).toBe('Action.Execute');
        expect(knownVerbs).toContain(node.verb);
        for (const value of Object.values(node.data as Record<string, unknown>))
          expect(value).toMatch(singleBinding);
      }
    });
  });
});
