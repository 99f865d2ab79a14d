import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import { fillManifest } from '../../scripts/package-app';
import { SEARCH_CUSTOMERS_COMMAND } from '../../src/bot/message-extension';

// As in manifest.test.ts: Jest's module runtime cannot load strip-bom 5 (an ES module) before Node 24.9.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const template = readFileSync(path.join(__dirname, '../../manifest/manifest.json'), 'utf8');
const botId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const manifest = fillManifest(template, { botId, version: '1.2.3' }) as TeamsManifestLatest;

describe('the message extension in the Teams manifest', () => {
  const extension = manifest.composeExtensions?.[0];
  const command = extension?.commands?.[0];

  it('is served by the bot itself', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(extension?.botId).toBe(botId);
  });

  it('offers one search command, the one the bot answers, in the compose box and the command box', () => {
    expect(extension?.commands?.map((candidate) => candidate.id)).toEqual([SEARCH_CUSTOMERS_COMMAND]);
    expect(command).toMatchObject({ type: 'query', initialRun: false, context: ['compose', 'commandBox'] });
  });

  it('asks for one text parameter, named as the bot reads it', () => {
    expect(command?.parameters?.map((parameter) => [parameter.name, parameter.inputType])).toEqual([
      ['searchQuery', 'text'],
    ]);
  });

  it('keeps its title and descriptions within what Teams displays', () => {
    expect(command?.title.length).toBeLessThanOrEqual(32);
    expect(command?.description?.length ?? 0).toBeLessThanOrEqual(128);
    for (const parameter of command?.parameters ?? []) {
      expect(parameter.title.length).toBeLessThanOrEqual(32);
      expect(parameter.description?.length ?? 0).toBeLessThanOrEqual(128);
    }
  });
});
