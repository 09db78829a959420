/**
 * The SQL of the read floor (bare-server.ts) for GET /api/v1/organisations/:id: the session check
 * as the app does it, then the floor's own single statement for the rows and the audit row.
 * The statement-by-statement session check (auth_find_session … roles) is kept only for a database
 * without auth_session_check (before migration 060).
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
  /** the session check in one statement (migration 060), as the app sends it */
  sessionCheck: 'SELECT status, user_id, organisation_id, roles, csrf_token FROM auth_session_check($1, $2, $3)',
  /** the floor's own read: the organisation, its networks and protocols, and the audit row, in one statement */
  readAndAudit: `WITH o AS (
      select o.id, o.name, o.type, o.town, o.address, o.helpline, o.website, o.description, o.operates_shelters,
        o.uncertain, o.notes, o.source_ids, o.version, p.id as parent_id, p.name as parent_name
      from organisations o left join organisations p on p.id = o.parent_id where o.id = $1
    ), a AS (
      insert into audit_log (actor_user_id, organisation_id, action, subject_type, subject_id, purpose, outcome, details)
      select $2, $3, 'organisation.read', 'organisation', o.id::text, null, 'success', '{}' from o
    )
    select o.*,
      (select coalesce(json_agg(json_build_object('id', n.id, 'name', n.name, 'role', x.role) order by n.name), '[]')
        from organisation_networks x join networks n on n.id = x.network_id where x.organisation_id = o.id) as networks,
      (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', s.kind, 'joined_on', s.joined_on)
          order by s.joined_on, p.name), '[]')
        from protocol_signatories s join protocols p on p.id = s.protocol_id where s.organisation_id = o.id) as protocols
    from o`,
  hasSessionCheck: "SELECT to_regprocedure('auth_session_check(text,text,integer)') IS NOT NULL AS present",
  commit: 'commit',
  rollback: 'rollback',
} as const;

export interface OrganisationRow {
  networks?: Array<{ id: string; name: string; role: string | null }>;
  protocols?: Array<{ id: string; name: string; kind: string; joined_on: string }>;
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
