import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { request } from 'undici';

/**
 * MSAL's `system.networkClient` for the simulator: MSAL only accepts https authorities, so a client is
 * configured with the real authority host (https://login.microsoftonline.com) and this module sends every
 * request for that host to the simulator's identity routes instead, over plain HTTP on loopback.
 * Requests for any other host are refused: nothing leaves the machine.
 */
export function simulatorNetworkClient(
  simulatorUrl: string,
  authorityHost = 'https://login.microsoftonline.com',
): INetworkModule {
  const authority = new URL(authorityHost);
  const target = new URL(simulatorUrl);

  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> => {
    const asked = new URL(url);
    if (asked.host !== authority.host) {
      throw new Error(
        `simulatorNetworkClient: refusing a request for ${asked.host} (only ${authority.host})`,
      );
    }
    const forwarded = new URL(`${asked.pathname}${asked.search}`, target);
    const response = await request(forwarded, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
    });
    const text = await response.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, body: (text === '' ? {} : JSON.parse(text)) as T };
  };

  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
