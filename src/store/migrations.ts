/**
 * The schema, as an ordered list of migrations. Each runs once, in its own transaction, and is
 * recorded in `schema_migrations`. Never edit or reorder a released migration: append a new one
 * with the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'bot state',
    sql: `
      CREATE TABLE bot_state (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        etag text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'append-only audit log',
    sql: `
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text NOT NULL,
        actor_name text,
        roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'succeeded', 'failed')),
        customer_id text,
        target_user_id text,
        subscription_id text,
        correlation_id text NOT NULL,
        details jsonb
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_customer ON audit_log (customer_id, id DESC);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, id DESC);
      CREATE INDEX audit_log_action ON audit_log (action, id DESC);

      CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
      END;
      $$;
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
    `,
  },
  {
    version: 3,
    name: 'one-time operations',
    // A confirmation card's operation id, claimed once: who ran it, when, and how it ended. Never a password.
    sql: `
      CREATE TABLE one_time_operations (
        id text PRIMARY KEY,
        kind text NOT NULL,
        customer_id text NOT NULL,
        target_user_id text NOT NULL,
        context jsonb NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'claimed', 'succeeded', 'failed', 'refused')),
        claimed_by text,
        claimed_by_name text,
        claimed_at timestamptz,
        completed_at timestamptz,
        outcome jsonb
      );
      CREATE INDEX one_time_operations_created_at ON one_time_operations (created_at);
    `,
  },
  {
    version: 4,
    name: 'provisioning watches',
    // "Notify me when ready": who asked, where to answer, what to poll. A claim (claimed_by, claimed_at) is
    // taken by one conditional update, and only the holder of the current claim may end the watch, so two bot
    // instances sharing the database never notify twice.
    sql: `
      CREATE TABLE provisioning_watches (
        id text PRIMARY KEY,
        requester_id text NOT NULL,
        requester_name text,
        conversation_reference jsonb NOT NULL,
        locale text NOT NULL,
        customer_id text NOT NULL,
        customer_name text,
        subscription_id text NOT NULL,
        subscription_name text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        next_check_at timestamptz NOT NULL,
        checks integer NOT NULL DEFAULT 0,
        last_checked_at timestamptz,
        status text NOT NULL DEFAULT 'watching' CHECK (status IN ('watching', 'notified', 'gave_up')),
        final_status text,
        claimed_by text,
        claimed_at timestamptz,
        completed_at timestamptz
      );
      CREATE UNIQUE INDEX provisioning_watches_one_active ON provisioning_watches
        (requester_id, customer_id, subscription_id) WHERE status = 'watching';
      CREATE INDEX provisioning_watches_due ON provisioning_watches (next_check_at) WHERE status = 'watching';
    `,
  },
  {
    version: 5,
    name: 'approval requests',
    // One table for every approval kind; the partial unique index keeps one open request per kind and target.
    sql: `
      CREATE TABLE approval_requests (
        id text PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN
          ('pending', 'approved', 'executing', 'done', 'failed', 'rejected', 'cancelled', 'expired')),
        requester_id text NOT NULL,
        requester_name text,
        requester_teams_id text,
        requester_conversation jsonb NOT NULL,
        locale text NOT NULL,
        customer_id text NOT NULL,
        subscription_id text,
        target_user_id text,
        etag text,
        reason text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        decided_by text,
        decided_by_name text,
        decided_at timestamptz,
        decision_comment text,
        started_at timestamptz,
        completed_at timestamptz,
        error_code text,
        result jsonb,
        cards jsonb NOT NULL DEFAULT '[]'
      );
      CREATE UNIQUE INDEX approval_requests_one_open ON approval_requests
        (kind, customer_id, COALESCE(subscription_id, ''), COALESCE(target_user_id, ''))
        WHERE status IN ('pending', 'approved', 'executing');
      CREATE INDEX approval_requests_status ON approval_requests (status, expires_at);
      CREATE INDEX approval_requests_requester ON approval_requests (requester_id, created_at);

      CREATE TABLE bot_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      );

      CREATE TABLE approver_directory (
        aad_object_id text PRIMARY KEY,
        teams_user_id text NOT NULL,
        name text,
        seen_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'customer index and welcomes',
    // The customer index (every customer's name, domain and tenant id, replaced whole by each refresh, with
    // the time of that refresh) so that a restarted bot searches at once; and the conversations already
    // welcomed, so that Teams' two install events (conversationUpdate and installationUpdate) post one welcome.
    sql: `
      CREATE TABLE customer_index (
        customer_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        company_name text NOT NULL,
        domain text NOT NULL,
        relationship text
      );
      CREATE TABLE customer_index_refresh (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        refreshed_at timestamptz NOT NULL,
        customer_count integer NOT NULL
      );

      CREATE TABLE conversation_welcomes (
        conversation_id text PRIMARY KEY,
        welcomed_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'time zones of requesters',
    // Next to the locale: the IANA time zone of the person an approval request or a provisioning watch is
    // for, so that times in their later messages read in their zone. NULL for rows made before (read as UTC).
    sql: `
      ALTER TABLE approval_requests ADD COLUMN time_zone text;
      ALTER TABLE provisioning_watches ADD COLUMN time_zone text;
    `,
  },
];
