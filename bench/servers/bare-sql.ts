/**
 * The SQL the app sends for GET /api/v1/organisations/:id, statement by statement, in the same
 * order (request-context.ts → loadSession → getOrganisation → recordAudit), as pg text.
 */
export const SQL = {
  begin: 'begin',
  role: 'SET LOCAL ROLE percorsi_app',
  findSession: 'SELECT user_id, organisation_id FROM auth_find_session($1)',
  setActor: `SELECT set_config('app.user_id', $1, true),
    set_config('app.org_id', $2, true),
    set_config('app.roles', $3, true)`,
  session: `select "sessions"."stage", "sessions"."csrf_token", "users"."disabled_at",
    sessions.expires_at < now()
      OR (sessions.stage = 'full' AND sessions.last_seen_at < now() - make_interval(mins => $1)) as "expired"
    from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where "sessions"."id_hash" = $2`,
  roles: 'select "role" from "user_roles" where "user_id" = $1',
  touch: 'update "sessions" set "last_seen_at" = now() where "id_hash" = $1',
  organisation: `select "o"."id", "o"."name", "o"."type", "o"."town", "o"."address", "o"."helpline", "o"."website",
    "o"."description", "o"."operates_shelters", "o"."uncertain", "o"."notes", "o"."source_ids", "o"."version",
    "p"."id" as "parent_id", "p"."name" as "parent_name"
    from "organisations" as "o" left join "organisations" as "p" on "p"."id" = "o"."parent_id" where "o"."id" = $1`,
  networks: `select "n"."id", "n"."name", "x"."role" from "organisation_networks" as "x"
    inner join "networks" as "n" on "n"."id" = "x"."network_id" where "x"."organisation_id" = $1 order by "n"."name"`,
  protocols: `select "p"."id", "p"."name", "s"."kind", "s"."joined_on" from "protocol_signatories" as "s"
    inner join "protocols" as "p" on "p"."id" = "s"."protocol_id" where "s"."organisation_id" = $1
    order by "s"."joined_on", "p"."name"`,
  audit: `insert into "audit_log" ("actor_user_id", "organisation_id", "action", "subject_type", "subject_id",
    "purpose", "outcome", "details") values ($1, $2, $3, $4, $5, $6, $7, $8)`,
  commit: 'commit',
  rollback: 'rollback',
} as const;

export interface OrganisationRow {
  id: string;
  name: string;
  type: string;
  town: string | null;
  address: string | null;
  helpline: string | null;
  website: string | null;
  description: string | null;
  operates_shelters: boolean;
  uncertain: boolean;
  notes: string | null;
  source_ids: string[];
  version: number;
  parent_id: string | null;
  parent_name: string | null;
}
