import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import {
  appVersionFrom,
  botIdFrom,
  buildAppPackage,
  defaultOutPath,
  fillManifest,
  manifestDir,
  PackageError,
  packageApp,
  parseArguments,
} from '../../scripts/package-app';

// @microsoft/app-manifest requires strip-bom 5, an ES module. Node 20.19+ loads it; Jest's module runtime cannot
// (before Node 24.9), so the tests swap in an equivalent. Everything else, the schema validation included, is real.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const botId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const repositoryRoot = path.join(__dirname, '../..');
let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'package-app-'));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('bot id from the environment', () => {
  it('refuses clearly when MicrosoftAppId is missing or blank', () => {
    expect(() => botIdFrom({})).toThrow(
      new PackageError(
        "MicrosoftAppId is not set. Set it (in the environment or in .env) to the bot's Microsoft App ID, a GUID.",
      ),
    );
    expect(() => botIdFrom({ MicrosoftAppId: '  ' })).toThrow(/MicrosoftAppId is not set/);
  });

  it('refuses a value that is not a GUID, without echoing it', () => {
    expect(() => botIdFrom({ MicrosoftAppId: 'my-secret-value' })).toThrow(/MicrosoftAppId is not a GUID/);
    expect(() => botIdFrom({ MicrosoftAppId: 'my-secret-value' })).not.toThrow(/my-secret-value/);
  });

  it('accepts a GUID, trimmed and in lower case', () => {
    expect(botIdFrom({ MicrosoftAppId: ` ${botId.toUpperCase()} ` })).toBe(botId);
  });
});

describe('command line', () => {
  it('writes dist/partner-helpdesk-bot.zip unless --out says otherwise', () => {
    expect(parseArguments([])).toEqual({ out: defaultOutPath });
    expect(parseArguments(['--out', 'a/b.zip'])).toEqual({ out: path.resolve('a/b.zip') });
    expect(parseArguments(['--out=c.zip'])).toEqual({ out: path.resolve('c.zip') });
  });

  it('refuses unknown arguments and a missing path', () => {
    expect(() => parseArguments(['--bogus'])).toThrow(/Unknown argument "--bogus"/);
    expect(() => parseArguments(['--out'])).toThrow(/--out needs a file path/);
  });
});

describe('manifest filling', () => {
  it('fills the bot id and the version everywhere', () => {
    const manifest = fillManifest(
      '{"id":"{{BOT_ID}}","bots":[{"botId":"{{BOT_ID}}"}],"version":"{{VERSION}}"}',
      {
        botId,
        version: '1.2.3',
      },
    );
    expect(manifest).toEqual({ id: botId, bots: [{ botId }], version: '1.2.3' });
  });

  it('refuses a placeholder it does not know', () => {
    expect(() => fillManifest('{"id":"{{APP_ID}}"}', { botId, version: '1.2.3' })).toThrow(/\{\{APP_ID\}\}/);
  });

  it('takes the app version from package.json, which must be MAJOR.MINOR.PATCH', () => {
    expect(appVersionFrom('{"version":"0.1.0"}')).toBe('0.1.0');
    expect(() => appVersionFrom('{"version":"1.0.0-beta.1"}')).toThrow(PackageError);
    expect(() => appVersionFrom('{}')).toThrow(PackageError);
  });
});

describe('app package', () => {
  it('zips exactly manifest.json, the two icons and the localization files, with the id and version filled in', async () => {
    const out = path.join(workDir, 'nested', 'app.zip');
    expect(await packageApp(['--out', out], { MicrosoftAppId: botId })).toBe(out);

    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'fr-fr.json',
      'manifest.json',
      'outline.png',
      'zh-cn.json',
      'zh-tw.json',
    ]);
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    const { version } = JSON.parse(await readFile(path.join(repositoryRoot, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ id: botId, version, bots: [{ botId }] });
    for (const icon of ['color.png', 'outline.png']) {
      expect(await zip.file(icon)?.async('nodebuffer')).toEqual(await readFile(path.join(manifestDir, icon)));
    }
  });

  it('refuses to package a manifest that does not match the Teams schema', async () => {
    const template = JSON.parse(await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'));
    await writeFile(
      path.join(workDir, 'manifest.json'),
      JSON.stringify({ ...template, accentColor: 'blue' }),
    );
    for (const icon of ['color.png', 'outline.png']) {
      await copyFile(path.join(manifestDir, icon), path.join(workDir, icon));
    }
    await expect(buildAppPackage({ botId, version: '1.0.0', sourceDir: workDir })).rejects.toThrow(
      /does not match the Teams schema:\n {2}\/accentColor/,
    );
  });

  it('refuses to package a localization file that does not match the Teams localization schema', async () => {
    for (const file of ['manifest.json', 'color.png', 'outline.png', 'fr-fr.json', 'zh-cn.json']) {
      await copyFile(path.join(manifestDir, file), path.join(workDir, file));
    }
    const chinese = JSON.parse(await readFile(path.join(manifestDir, 'zh-tw.json'), 'utf8'));
    await writeFile(
      path.join(workDir, 'zh-tw.json'),
      JSON.stringify({ ...chinese, 'name.short': 'x'.repeat(31) }),
    );
    await expect(buildAppPackage({ botId, version: '1.0.0', sourceDir: workDir })).rejects.toThrow(
      /zh-tw.json does not match the Teams localization schema:\n {2}.*name\.short/,
    );
  });
});

describe('npm run package', () => {
  const run = promisify(execFile);
  const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
  const script = path.join(repositoryRoot, 'scripts', 'package-app.ts');
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'MicrosoftAppId'),
  );

  it('reads MicrosoftAppId from .env and prints the path of the package', async () => {
    await writeFile(path.join(workDir, '.env'), `MicrosoftAppId=${botId}\n`);
    const { stdout } = await run(tsx, [script, '--out', 'out/app.zip'], { cwd: workDir, env: environment });
    expect(stdout.trim()).toBe(path.join(workDir, 'out', 'app.zip'));
    expect((await readFile(path.join(workDir, 'out', 'app.zip'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits with status 1 and a one-line explanation when the id is missing', async () => {
    const failure = await run(tsx, [script], { cwd: workDir, env: environment }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe(
      "MicrosoftAppId is not set. Set it (in the environment or in .env) to the bot's Microsoft App ID, a GUID.",
    );
  });
});
