import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifestLatest } from '@microsoft/app-manifest';
import { fillManifest } from '../../scripts/package-app';
import { buildRouteTable, type RouteServices } from '../../src/bot/route-table';
import { readPngHeader, readRgbaPixels } from './png';

// @microsoft/app-manifest requires strip-bom 5, an ES module. Node 20.19+ loads it; Jest's module runtime cannot
// (before Node 24.9), so the tests swap in an equivalent. Everything else, the schema validation included, is real.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const manifestDir = path.join(__dirname, '../../manifest');
const template = readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
const botId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const manifest = fillManifest(template, { botId, version: '1.2.3' }) as TeamsManifestLatest;

/** Route handlers run only when called: building the table needs services of any shape. */
const anything: unknown = new Proxy(() => anything, { get: () => anything });
const anyServices = anything as RouteServices;

/** The newest released (1.x) Teams schema bundled with @microsoft/app-manifest. */
function newestBundledSchemaVersion(): string {
  const schemasDir = path.join(require.resolve('@microsoft/app-manifest'), '../json-schemas/teams');
  const versions = readdirSync(schemasDir)
    .filter((name) => /^v1\.\d+$/.test(name))
    .map((name) => name.slice(1));
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1) ?? '';
}

describe('Teams app manifest', () => {
  it('uses the newest manifest schema that @microsoft/app-manifest ships', () => {
    const version = newestBundledSchemaVersion();
    expect(manifest.manifestVersion).toBe(version);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates against the official Teams JSON schema once the bot id and version are filled in', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('fails that validation when the bot id is not a GUID, so the check above has teeth', async () => {
    const broken = fillManifest(template, { botId: 'not-a-guid', version: '1.2.3' });
    const problems = await AppManifestUtils.validateAgainstSchema(broken);
    expect(problems.join('\n')).toMatch(/\/id .*pattern[\s\S]*\/bots\/0\/botId .*pattern/);
  });

  it('takes the app id, the bot id and the version from placeholders filled at package time', () => {
    const raw = JSON.parse(template) as TeamsManifestLatest;
    expect(raw.id).toBe('{{BOT_ID}}');
    expect(raw.bots?.[0]?.botId).toBe('{{BOT_ID}}');
    expect(raw.version).toBe('{{VERSION}}');
    expect(manifest.id).toBe(botId);
    expect(manifest.version).toBe('1.2.3');
  });

  it('offers the bot in personal, group chat and team scopes, each with its main commands', () => {
    const bot = manifest.bots?.[0];
    expect(bot?.scopes).toEqual(['personal', 'groupChat', 'team']);
    const commandsByScope = Object.fromEntries(
      (bot?.commandLists ?? []).map((list) => [
        list.scopes.join(),
        list.commands.map((command) => command.title),
      ]),
    );
    const chat = [
      'help',
      'lookup',
      'users',
      'reset password',
      'deleted users',
      'tickets',
      'new ticket',
      'subscriptions',
      'suspend',
      'approvals',
    ];
    expect(commandsByScope).toEqual({
      personal: chat,
      groupChat: chat,
      team: [
        'help',
        'lookup',
        'users',
        'tickets',
        'new ticket',
        'subscriptions',
        'suspend',
        'approvals',
        'set approvals channel',
        'whoami',
      ],
    });
  });

  it('lists only commands the bot understands, each described with the usage the bot expects', () => {
    const routeNames = new Set(buildRouteTable(anyServices).commands.map((route) => route.name));
    for (const list of manifest.bots?.[0]?.commandLists ?? []) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) expect(routeNames).toContain(command.title);
    }
  });

  it('keeps command titles and descriptions within what Teams displays', () => {
    for (const list of manifest.bots?.[0]?.commandLists ?? []) {
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description?.length ?? 0).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has developer details, valid domains and Teams single sign-on for the bot’s own registration', () => {
    expect(manifest.developer.name).not.toBe('');
    expect(manifest.validDomains).toEqual(['token.botframework.com']);
    expect(manifest.webApplicationInfo).toEqual({ id: botId, resource: `api://botid-${botId}` });
  });
});

describe('app icons', () => {
  const color = readFileSync(path.join(manifestDir, manifest.icons.color));
  const outline = readFileSync(path.join(manifestDir, manifest.icons.outline));

  it('are a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });
  });

  it('colour icon is opaque and in colour', () => {
    const pixels = readRgbaPixels(color);
    expect(pixels.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(pixels.some(([red, green, blue]) => red !== green || green !== blue)).toBe(true);
  });

  it('outline icon is white on a transparent background', () => {
    const pixels = readRgbaPixels(outline);
    expect(
      pixels.filter(([, , , alpha]) => alpha > 0).every(([r, g, b]) => r === 255 && g === 255 && b === 255),
    ).toBe(true);
    expect(pixels.some(([, , , alpha]) => alpha === 0)).toBe(true);
    expect(pixels.some(([, , , alpha]) => alpha === 255)).toBe(true);
  });
});
