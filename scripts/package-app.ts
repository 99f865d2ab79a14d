import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { readEnvironment } from '../src/config';

/**
 * Builds the Teams app package: manifest/manifest.json with the bot id and version filled in, the two icons
 * and the manifest's localization files (fr-fr.json, …, named in `localizationInfo`), zipped. Usage: `npm run package [-- --out <path>]`. The bot id comes from `MicrosoftAppId` in the
 * environment or in `.env`; Teams SSO's `webApplicationInfo` from SSO_APP_ID and SSO_RESOURCE (default: the
 * bot's registration and api://botid-<bot id>).
 */

/** The folder with package.json above this script, whether it runs from scripts/ (tsx) or dist/scripts/. */
function findRepositoryRoot(start: string): string {
  const parent = path.dirname(start);
  if (existsSync(path.join(start, 'package.json')) || parent === start) return start;
  return findRepositoryRoot(parent);
}

const repositoryRoot = findRepositoryRoot(__dirname);
export const manifestDir = path.join(repositoryRoot, 'manifest');
export const defaultOutPath = path.join(repositoryRoot, 'dist', 'partner-helpdesk-bot.zip');
export const iconFiles = ['color.png', 'outline.png'] as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams app versions are plain MAJOR.MINOR.PATCH. */
const teamsVersion = /^\d+\.\d+\.\d+$/;

/** A problem the person packaging can fix; shown as is, without a stack trace. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface PackageOptions {
  out: string;
}

export function parseArguments(argv: readonly string[]): PackageOptions {
  let out = defaultOutPath;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument.startsWith('--out=')) out = argument.slice('--out='.length);
    else if (argument === '--out') {
      index += 1;
      out = argv[index] ?? '';
    } else
      throw new PackageError(`Unknown argument "${argument}". Usage: npm run package [-- --out <path.zip>]`);
  }
  if (out.trim() === '') throw new PackageError('--out needs a file path');
  return { out: path.resolve(out) };
}

export function botIdFrom(env: Readonly<Record<string, string | undefined>>): string {
  const botId = env.MicrosoftAppId?.trim();
  if (!botId) {
    throw new PackageError(
      "MicrosoftAppId is not set. Set it (in the environment or in .env) to the bot's Microsoft App ID, a GUID.",
    );
  }
  if (!guid.test(botId)) {
    throw new PackageError(
      'MicrosoftAppId is not a GUID. Use the Microsoft App ID of the bot registration, like 00000000-0000-0000-0000-000000000000.',
    );
  }
  return botId.toLowerCase();
}

export function appVersionFrom(packageJson: string): string {
  const { version } = JSON.parse(packageJson) as { version?: unknown };
  if (typeof version !== 'string' || !teamsVersion.test(version)) {
    throw new PackageError(
      'package.json "version" must be MAJOR.MINOR.PATCH to be used as the Teams app version.',
    );
  }
  return version;
}

/**
 * Teams single sign-on (`webApplicationInfo`): the app registration agents sign in to and its Application ID
 * URI. By default the bot's own registration and `api://botid-<bot id>`, the form Teams expects for bots.
 */
export interface SsoApplication {
  appId: string;
  resource: string;
}

export function ssoApplicationFrom(
  env: Readonly<Record<string, string | undefined>>,
  botId: string,
): SsoApplication {
  const appId = env.SSO_APP_ID?.trim() || botId;
  if (!guid.test(appId))
    throw new PackageError(
      'SSO_APP_ID is not a GUID: use the Application (client) ID of the app registration agents sign in to.',
    );
  const resource = env.SSO_RESOURCE?.trim() || `api://botid-${appId.toLowerCase()}`;
  if (!/^api:\/\/\S+$/.test(resource))
    throw new PackageError('SSO_RESOURCE must be an Application ID URI such as api://botid-<app id>.');
  return { appId: appId.toLowerCase(), resource };
}

/**
 * Fills `{{BOT_ID}}`, `{{VERSION}}`, `{{SSO_APP_ID}}` and `{{SSO_RESOURCE}}` (by default the bot's own
 * registration); any other `{{…}}` left in the template is an error.
 */
export function fillManifest(
  template: string,
  values: { botId: string; version: string; sso?: SsoApplication },
): TeamsManifest {
  const sso = values.sso ?? { appId: values.botId, resource: `api://botid-${values.botId}` };
  const filled = template
    .replaceAll('{{BOT_ID}}', values.botId)
    .replaceAll('{{VERSION}}', values.version)
    .replaceAll('{{SSO_APP_ID}}', sso.appId)
    .replaceAll('{{SSO_RESOURCE}}', sso.resource);
  const leftover = filled.match(/\{\{[^}]*\}\}/);
  if (leftover)
    throw new PackageError(`manifest.json has a placeholder the packager does not fill: ${leftover[0]}`);
  return JSON.parse(filled) as TeamsManifest;
}

/** Checks the manifest against the Teams JSON schema bundled in @microsoft/app-manifest (no network). */
export async function manifestProblems(manifest: TeamsManifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** The localization files the manifest names in `localizationInfo.additionalLanguages`. */
export function localizationFiles(manifest: TeamsManifest): string[] {
  const { localizationInfo } = manifest as {
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  return (localizationInfo?.additionalLanguages ?? []).map((language) => language.file);
}

/** The official Teams localization-file schema of the manifest's version, bundled in @microsoft/app-manifest. */
async function localizationSchema(manifestVersion: string): Promise<object> {
  const schemaPath = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas/teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.Localization.schema.json',
  );
  return JSON.parse(await readFile(schemaPath, 'utf8')) as object;
}

/**
 * Checks one localization file against the official schema (unknown keys and over-long texts included). The
 * schema's key patterns are not valid Unicode-mode regular expressions (`\\b]`), which the app-manifest
 * validator compiles in that mode and fails on; so the draft-04 validator runs here with plain patterns.
 */
export async function localizationProblems(manifestVersion: string, localization: object): Promise<string[]> {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  const validate = ajv.compile(await localizationSchema(manifestVersion));
  if (validate(localization)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${
        error.params && 'additionalProperty' in error.params
          ? `: ${String(error.params.additionalProperty)}`
          : ''
      }`,
  );
}

export async function buildAppPackage(options: {
  botId: string;
  version: string;
  sso?: SsoApplication;
  /** Where manifest.json and the icons are; the repository's manifest/ folder unless given. */
  sourceDir?: string;
}): Promise<Buffer> {
  const sourceDir = options.sourceDir ?? manifestDir;
  const template = await readFile(path.join(sourceDir, 'manifest.json'), 'utf8');
  const manifest = fillManifest(template, options);
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) {
    throw new PackageError(`manifest.json does not match the Teams schema:\n  ${problems.join('\n  ')}`);
  }
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of iconFiles) zip.file(icon, await readFile(path.join(sourceDir, icon)));
  for (const file of localizationFiles(manifest)) {
    const text = await readFile(path.join(sourceDir, file), 'utf8');
    const localizationProblemList = await localizationProblems(manifest.manifestVersion, JSON.parse(text));
    if (localizationProblemList.length > 0) {
      throw new PackageError(
        `${file} does not match the Teams localization schema:\n  ${localizationProblemList.join('\n  ')}`,
      );
    }
    zip.file(file, text);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes the package and returns its path. */
export async function packageApp(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  const { out } = parseArguments(argv);
  const botId = botIdFrom(env);
  const version = appVersionFrom(await readFile(path.join(repositoryRoot, 'package.json'), 'utf8'));
  const zip = await buildAppPackage({ botId, version, sso: ssoApplicationFrom(env, botId) });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, zip);
  return out;
}

if (require.main === module) {
  packageApp(process.argv.slice(2), readEnvironment(process.env))
    .then((out) => console.log(out))
    .catch((error: unknown) => {
      console.error(error instanceof PackageError ? error.message : error);
      process.exitCode = 1;
    });
}
