/**
 * The partner's own users (synthetic): the helpdesk agents whose Teams tokens the bot exchanges
 * on-behalf-of, keyed by their Entra object id, which is the `oid` of the assertion. Their ids are those
 * of the Microsoft 365 Agents Playground's users in config/roles.dev.json. Whether each one signed in with
 * MFA decides whether the Partner Center tokens the simulator issues for them carry `amr: ["pwd","mfa"]`.
 */
export interface AgentRecord {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mfa: boolean;
}

const domain = 'contoso.onmicrosoft.com';

export const seedAgents: readonly AgentRecord[] = [
  { id: '5f2e8a1c-7d34-4b6e-9c01-3a8f2d7e6b21', displayName: 'Alex Wilber', mfa: true },
  { id: '7c3d9e2f-1a45-4f8b-8d12-4b9e3c8f7a32', displayName: 'Megan Bowen', mfa: true },
  { id: '9e4f1a3b-2c56-4a9d-9e23-5cae4d9a8b43', displayName: 'Adele Vance', mfa: true },
  { id: 'b15a2b4c-3d67-4bae-af34-6dbf5eab9c54', displayName: 'Isaiah Langer', mfa: false },
  { id: 'd26b3c5d-4e78-4cbf-b045-7ec06fbcad65', displayName: 'Patti Fernandez', mfa: false },
].map((agent) => ({
  ...agent,
  userPrincipalName: `${agent.displayName.split(' ')[0]?.toLowerCase()}@${domain}`,
}));

/**
 * The MFA-enabled service account of the Secure Application Model, and the refresh token the simulator
 * accepts for it (set PARTNER_CENTER_REFRESH_TOKEN to this value against a simulator with auth 'claims').
 */
export const serviceAccount: AgentRecord = {
  id: 'a0b1c2d3-0000-4000-8000-000000000001',
  userPrincipalName: `helpdesk@${domain}`,
  displayName: 'Helpdesk service account',
  mfa: true,
};
export const SERVICE_ACCOUNT_REFRESH_TOKEN = 'simulator-service-account-refresh-token';

export function findAgent(agents: readonly AgentRecord[], id: string): AgentRecord | undefined {
  const wanted = id.toLowerCase();
  return agents.find((agent) => agent.id.toLowerCase() === wanted);
}
