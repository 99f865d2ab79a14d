import { fillManifest, PackageError, ssoApplicationFrom } from '../../scripts/package-app';

/** Teams single sign-on in the app package: `webApplicationInfo` from SSO_APP_ID and SSO_RESOURCE. */

// @microsoft/app-manifest requires strip-bom 5, an ES module Jest's module runtime cannot load (see manifest.test.ts).
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const botId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const ssoAppId = '0e3c1d24-1111-4222-8333-444455556666';
const template =
  '{"id":"{{BOT_ID}}","webApplicationInfo":{"id":"{{SSO_APP_ID}}","resource":"{{SSO_RESOURCE}}"}}';

describe('Teams SSO in the app package', () => {
  it('uses the bot’s own registration and api://botid-<bot id> unless told otherwise', () => {
    expect(ssoApplicationFrom({}, botId)).toEqual({ appId: botId, resource: `api://botid-${botId}` });
    expect(fillManifest(template, { botId, version: '1.0.0' })).toEqual({
      id: botId,
      webApplicationInfo: { id: botId, resource: `api://botid-${botId}` },
    });
  });

  it('takes another app registration and Application ID URI from SSO_APP_ID and SSO_RESOURCE', () => {
    const sso = ssoApplicationFrom(
      { SSO_APP_ID: ssoAppId.toUpperCase(), SSO_RESOURCE: `api://helpdesk.contoso.com/botid-${botId}` },
      botId,
    );
    expect(sso).toEqual({ appId: ssoAppId, resource: `api://helpdesk.contoso.com/botid-${botId}` });
    expect(fillManifest(template, { botId, version: '1.0.0', sso })).toMatchObject({
      webApplicationInfo: { id: ssoAppId, resource: `api://helpdesk.contoso.com/botid-${botId}` },
    });
    expect(ssoApplicationFrom({ SSO_APP_ID: ssoAppId }, botId).resource).toBe(`api://botid-${ssoAppId}`);
  });

  it('refuses an SSO app id that is not a GUID, and a resource that is not an api:// URI', () => {
    expect(() => ssoApplicationFrom({ SSO_APP_ID: 'helpdesk' }, botId)).toThrow(PackageError);
    expect(() => ssoApplicationFrom({ SSO_RESOURCE: 'https://contoso.com' }, botId)).toThrow(
      /Application ID URI/,
    );
  });
});
