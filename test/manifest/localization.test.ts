import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import { fillManifest, localizationFiles, localizationProblems } from '../../scripts/package-app';

// @microsoft/app-manifest requires strip-bom 5, an ES module that Jest's module runtime cannot load (before
// Node 24.9): the tests swap in an equivalent. The schema validation itself is real.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const manifestDir = path.join(__dirname, '../../manifest');
const manifest = fillManifest(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'), {
  botId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  version: '1.2.3',
}) as TeamsManifestLatest;
const readLocalization = (file: string) =>
  JSON.parse(readFileSync(path.join(manifestDir, file), 'utf8')) as Record<string, string>;

/** Every text of the manifest a localization file must translate, by its localization key. */
function translatableKeys(): string[] {
  const commandKeys = (manifest.bots?.[0]?.commandLists ?? []).flatMap((list, listIndex) =>
    list.commands.map((_, index) => `bots[0].commandLists[${listIndex}].commands[${index}].description`),
  );
  return [
    'name.short',
    'name.full',
    'description.short',
    'description.full',
    ...commandKeys,
    'composeExtensions[0].commands[0].title',
    'composeExtensions[0].commands[0].description',
    'composeExtensions[0].commands[0].parameters[0].title',
    'composeExtensions[0].commands[0].parameters[0].description',
  ];
}

describe('manifest localization', () => {
  it('offers French, Traditional Chinese and Simplified Chinese next to English', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [
        { languageTag: 'fr-fr', file: 'fr-fr.json' },
        { languageTag: 'zh-tw', file: 'zh-tw.json' },
        { languageTag: 'zh-cn', file: 'zh-cn.json' },
      ],
    });
  });

  describe.each(localizationFiles(manifest))('%s', (file) => {
    const localization = readLocalization(file);

    it('validates against the official Teams localization schema', async () => {
      expect(await localizationProblems(manifest.manifestVersion, localization)).toEqual([]);
    });

    it('translates the name, the descriptions, every command description and the search extension', () => {
      const keys = Object.keys(localization).filter((key) => key !== '$schema');
      expect(keys.sort()).toEqual(translatableKeys().sort());
      const english = JSON.stringify(manifest);
      for (const key of keys.filter((key) => key !== 'name.short')) {
        expect(english).not.toContain(JSON.stringify(localization[key]));
      }
    });

    it('keeps the command a person types in English inside each command description', () => {
      (manifest.bots?.[0]?.commandLists ?? []).forEach((list, listIndex) => {
        list.commands.forEach((command, index) => {
          const description =
            localization[`bots[0].commandLists[${listIndex}].commands[${index}].description`] ?? '';
          const english = command.description ?? '';
          const typed = english.includes(': ') ? english.slice(english.indexOf(': ') + 2).split(' <')[0] : '';
          if (typed) expect(description).toContain(typed);
          expect(description.length).toBeLessThanOrEqual(128);
        });
      });
    });
  });

  it('fails the schema check for an unknown key, so the check above has teeth', async () => {
    const broken = { ...readLocalization('fr-fr.json'), 'bots[0].commandLists[0].commands[0].titel': 'aide' };
    const problems = await localizationProblems(manifest.manifestVersion, broken);
    expect(problems.join('\n')).toMatch(/additional/i);
  });
});
