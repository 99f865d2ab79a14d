import { type ActivityOptions, messageActivity, type TestUser } from './activities';

/**
 * Teams activities beyond messages and card buttons: message-extension queries and installs. Built on
 * the message factory, so they carry the same identity fields (msteams, tenant, from.aadObjectId).
 */

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** What Teams sends while an agent types in the compose box's customer search. */
export function composeQueryActivity(
  searchQuery: string,
  options: ActivityOptions & { commandId?: string; initialRun?: boolean },
) {
  const parameters = options.initialRun
    ? [{ name: 'initialRun', value: 'true' }]
    : [{ name: 'searchQuery', value: searchQuery }];
  return {
    ...messageActivity('', options),
    type: 'invoke',
    name: 'composeExtension/query',
    text: undefined,
    value: {
      commandId: options.commandId ?? 'searchCustomers',
      parameters,
      queryOptions: { skip: 0, count: 25 },
    },
  };
}

function inConversation(options: ActivityOptions, conversationType: ConversationType) {
  const base = messageActivity('', options);
  return { ...base, text: undefined, conversation: { ...base.conversation, conversationType } };
}

/** conversationUpdate: the bot (and, in a personal chat, the user) added to the conversation. */
export function botAddedActivity(options: ActivityOptions, conversationType: ConversationType) {
  const base = inConversation(options, conversationType);
  return {
    ...base,
    type: 'conversationUpdate',
    membersAdded: [{ id: base.recipient.id }, { id: base.from.id, aadObjectId: base.from.aadObjectId }],
    channelData: {
      ...base.channelData,
      ...(conversationType === 'channel' && { eventType: 'teamMemberAdded', team: { id: 'team-id' } }),
    },
  };
}

/** conversationUpdate: someone else joined a conversation the bot is already in. */
export function userAddedActivity(
  options: ActivityOptions,
  added: TestUser,
  conversationType: ConversationType,
) {
  const base = inConversation(options, conversationType);
  return {
    ...base,
    type: 'conversationUpdate',
    membersAdded: [{ id: added.id, aadObjectId: added.aadObjectId }],
  };
}

/** installationUpdate add or remove, as Teams sends it with the conversationUpdate of an install. */
export function installationActivity(
  options: ActivityOptions,
  conversationType: ConversationType,
  action: 'add' | 'remove',
) {
  return { ...inConversation(options, conversationType), type: 'installationUpdate', action };
}
