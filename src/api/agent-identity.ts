/**
 * The helpdesk agent a Partner Center call is made for, in the `agent` identity mode: the bot exchanges
 * the agent's Teams single sign-on token on-behalf-of for a Partner Center token, so every call shows the
 * agent, not a shared service account. Built by the bot per turn; carried in the CallContext.
 */
export interface AgentIdentity {
  /** Entra object id from the validated activity (Teams `from.aadObjectId`). */
  aadObjectId: string;
  name?: string;
  /**
   * The agent's Teams SSO token for the bot (the on-behalf-of assertion), or undefined when the agent has
   * not signed in. Asked only when no Partner Center token for the agent is cached. Never log it.
   */
  ssoToken(): Promise<string | undefined>;
}
