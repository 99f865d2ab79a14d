import { randomUUID } from 'node:crypto';

/**
 * Teams-shaped activities for tests: always channel `msteams`, the tenant in channelData and the
 * caller's Entra object id in from.aadObjectId — the fields the bot trusts for identity.
 */

export const devTenantId = 'a5c1a2d3-0b7e-4c51-9f3e-6d2c8f1b4e70';

/** The Playground users of config/roles.dev.json. */
export const users = {
  alex: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21' }, // every role
  megan: { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32' }, // viewer, agent
  adele: { id: 'user-id-2', name: 'Adele Vance', aadObjectId: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43' }, // viewer, approver
  isaiah: { id: 'user-id-3', name: 'Isaiah Langer', aadObjectId: 'b15a2b4c-3d67-4bae-af34-6dbf5eab9c54' }, // viewer
  patti: { id: 'user-id-4', name: 'Patti Fernandez', aadObjectId: 'd26b3c5d-4e78-4cbf-b045-7ec06fbcad65' }, // no role
} as const;

export type TestUser = (typeof users)[keyof typeof users];

export interface ActivityOptions {
  user?: TestUser;
  conversationId?: string;
  tenantId?: string;
  channelId?: string;
  locale?: string;
  /** 'personal' (default), 'groupChat' or 'channel'. */
  conversationType?: 'personal' | 'groupChat' | 'channel';
  serviceUrl: string;
}

function base(options: ActivityOptions) {
  const user = options.user ?? users.alex;
  const tenantId = options.tenantId ?? devTenantId;
  return {
    id: randomUUID(),
    channelId: options.channelId ?? 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'en-US',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: 'bot-id', name: 'Partner Helpdesk Bot' },
    conversation: {
      id: options.conversationId ?? `personal-${user.id}`,
      conversationType: options.conversationType ?? 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
  };
}

export function messageActivity(text: string, options: ActivityOptions) {
  return { ...base(options), type: 'message', text };
}

export function cardActionActivity(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { replyToId?: string },
) {
  return {
    ...base(options),
    ...(options.replyToId === undefined ? {} : { replyToId: options.replyToId }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
