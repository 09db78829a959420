-- The public directory (/aiuto): each organisation's public entry, edited as a draft by its
-- administrators and by the coordinators of its networks, and published as a copy. Nothing here
-- is about a woman or a case: these tables reference organisations only, and no case table
-- references them (directory.db.test.ts checks the catalog).

CREATE TABLE directory_entries (
  organisation_id uuid PRIMARY KEY REFERENCES organisations,
  public_phone text CHECK (public_phone ~ '^\+?[0-9][0-9 ]{4,22}$'),
  public_email text CHECK (length(public_email) <= 200 AND public_email ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'),
  -- [{"day": "mo", "opens": "09:00", "closes": "13:00"}, …] (checked by the app's schema)
  hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(hours) = 'array' AND jsonb_array_length(hours) <= 28),
  open_24h boolean NOT NULL DEFAULT false,
  services text[] NOT NULL DEFAULT '{}' CHECK (services <@ ARRAY['listening', 'shelter_access', 'legal_advice',
    'psychological_support', 'children_support', 'social_support', 'job_guidance', 'training', 'job_placement',
    'housing_support', 'health_care']),
  languages text[] NOT NULL DEFAULT '{}' CHECK (languages <@ ARRAY['it', 'en', 'fr', 'es', 'ar', 'uk', 'ro', 'zh',
    'ru', 'pt', 'de', 'sq', 'bn', 'ur', 'hi', 'tl', 'pl', 'ti', 'so', 'wo']),
  accessibility text[] NOT NULL DEFAULT '{}' CHECK (accessibility <@ ARRAY['step_free_access', 'accessible_toilet',
    'sign_language', 'interpreter_on_request']),
  free_of_charge boolean NOT NULL DEFAULT true,
  verified_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users,
  version integer NOT NULL DEFAULT 1,
  -- the draft version last published (NULL: never); the draft differs from the public copy when version > this
  published_version integer,
  -- when the editors were last told the entry is not verified for 6 months (one reminder per month at most)
  stale_notified_at timestamptz
);

-- What the public pages, the HSDS JSON and the CSV show: the copy made at the last publication.
CREATE TABLE directory_published (
  organisation_id uuid PRIMARY KEY REFERENCES directory_entries,
  public_phone text,
  public_email text,
  hours jsonb NOT NULL DEFAULT '[]',
  open_24h boolean NOT NULL DEFAULT false,
  services text[] NOT NULL DEFAULT '{}' CHECK (services <@ ARRAY['listening', 'shelter_access', 'legal_advice',
    'psychological_support', 'children_support', 'social_support', 'job_guidance', 'training', 'job_placement',
    'housing_support', 'health_care']),
  languages text[] NOT NULL DEFAULT '{}' CHECK (languages <@ ARRAY['it', 'en', 'fr', 'es', 'ar', 'uk', 'ro', 'zh',
    'ru', 'pt', 'de', 'sq', 'bn', 'ur', 'hi', 'tl', 'pl', 'ti', 'so', 'wo']),
  accessibility text[] NOT NULL DEFAULT '{}' CHECK (accessibility <@ ARRAY['step_free_access', 'accessible_toilet',
    'sign_language', 'interpreter_on_request']),
  free_of_charge boolean NOT NULL DEFAULT true,
  verified_on date,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users
);

-- Who edits an organisation's entry: its administrators, the platform administrators, and the
-- network coordinators of any network the organisation belongs to (their own organisation too).
CREATE FUNCTION app_edits_directory(p_org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_admins_org(p_org) OR (app_has_role('network_coordinator') AND (p_org = app_org_id() OR EXISTS (
    SELECT 1 FROM organisation_networks mine JOIN organisation_networks theirs ON theirs.network_id = mine.network_id
    WHERE mine.organisation_id = app_org_id() AND theirs.organisation_id = p_org)))
$$;

ALTER TABLE directory_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE directory_entries FORCE ROW LEVEL SECURITY;
ALTER TABLE directory_published ENABLE ROW LEVEL SECURITY;
ALTER TABLE directory_published FORCE ROW LEVEL SECURITY;

CREATE POLICY editors_read ON directory_entries FOR SELECT TO percorsi_app USING (app_edits_directory(organisation_id));
CREATE POLICY editors_insert ON directory_entries FOR INSERT TO percorsi_app WITH CHECK (app_edits_directory(organisation_id));
CREATE POLICY editors_update ON directory_entries FOR UPDATE TO percorsi_app
  USING (app_edits_directory(organisation_id)) WITH CHECK (app_edits_directory(organisation_id));
CREATE POLICY editors_read ON directory_published FOR SELECT TO percorsi_app USING (app_edits_directory(organisation_id));
CREATE POLICY editors_insert ON directory_published FOR INSERT TO percorsi_app WITH CHECK (app_edits_directory(organisation_id));
CREATE POLICY editors_update ON directory_published FOR UPDATE TO percorsi_app
  USING (app_edits_directory(organisation_id)) WITH CHECK (app_edits_directory(organisation_id));

GRANT SELECT, INSERT ON directory_entries TO percorsi_app;
GRANT UPDATE (public_phone, public_email, hours, open_24h, services, languages, accessibility, free_of_charge,
  verified_on, updated_at, updated_by, version, published_version, stale_notified_at) ON directory_entries TO percorsi_app;
GRANT SELECT, INSERT, UPDATE ON directory_published TO percorsi_app;

-- ---------------------------------------------------------------- the public read
-- The public pages have no signed-in actor. They read the directory through this one function,
-- which returns only what is public: municipalities, networks, the names and types of the bodies
-- that may be listed, and the published entries. A shelter operator is never returned; a body that
-- runs shelters is returned without town or address. The definer can read no other column.
CREATE FUNCTION directory_public() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH listed AS (
    SELECT o.id, o.name, o.type, o.parent_id, o.operates_shelters,
      CASE WHEN o.operates_shelters THEN NULL ELSE o.town END AS town,
      CASE WHEN o.type = 'employment_centre' AND NOT o.operates_shelters THEN o.address END AS address,
      CASE WHEN o.operates_shelters THEN NULL ELSE o.municipality_code END AS municipality_code
    FROM organisations o
    WHERE o.type IN ('cav', 'employment_centre', 'social_services', 'municipality', 'ats_asst')
      -- a planned or unconfirmed office is not shown to the public until its entry is verified
      AND (o.type <> 'employment_centre' OR NOT o.uncertain
        OR EXISTS (SELECT 1 FROM directory_published p WHERE p.organisation_id = o.id AND p.verified_on IS NOT NULL))
  )
  SELECT jsonb_build_object(
    'municipalities', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', m.istat_code, 'name', m.name,
        'province', m.province, 'networkIds', array(SELECT nm.network_id FROM network_municipalities nm
          WHERE nm.istat_code = m.istat_code ORDER BY nm.network_id)) ORDER BY m.name), '[]'::jsonb)
      FROM municipalities m),
    'networks', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'name', n.name,
        'leadCode', n.lead_municipality_code, 'hasShelters', n.has_shelters) ORDER BY n.name), '[]'::jsonb)
      FROM networks n),
    'organisations', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'name', l.name, 'type', l.type,
        'parentId', l.parent_id, 'operatesShelters', l.operates_shelters, 'town', l.town, 'address', l.address,
        'municipalityCode', l.municipality_code,
        'networkIds', array(SELECT x.network_id FROM organisation_networks x WHERE x.organisation_id = l.id
          ORDER BY x.network_id)) ORDER BY l.name), '[]'::jsonb)
      FROM listed l),
    'entries', (SELECT coalesce(jsonb_agg(jsonb_build_object('organisationId', p.organisation_id,
        'phone', p.public_phone, 'email', p.public_email, 'hours', p.hours, 'open24h', p.open_24h,
        'services', p.services, 'languages', p.languages, 'accessibility', p.accessibility,
        'freeOfCharge', p.free_of_charge, 'verifiedOn', p.verified_on, 'publishedAt', p.published_at)
        ORDER BY p.organisation_id), '[]'::jsonb)
      FROM directory_published p JOIN listed l ON l.id = p.organisation_id)
  )
$$;
ALTER FUNCTION directory_public() OWNER TO percorsi_definer;
GRANT SELECT (istat_code, name, province) ON municipalities TO percorsi_definer;
GRANT SELECT (id, name, lead_municipality_code, has_shelters) ON networks TO percorsi_definer;
GRANT SELECT (network_id, istat_code) ON network_municipalities TO percorsi_definer;
GRANT SELECT (id, name, type, parent_id, operates_shelters, uncertain, town, address, municipality_code) ON organisations
  TO percorsi_definer;
GRANT SELECT ON directory_published TO percorsi_definer;
CREATE POLICY directory_public ON municipalities FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY directory_public ON networks FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY directory_public ON network_municipalities FOR SELECT TO percorsi_definer USING (true);
CREATE POLICY directory_public ON organisations FOR SELECT TO percorsi_definer USING (type <> 'shelter_operator');
CREATE POLICY directory_public ON directory_published FOR SELECT TO percorsi_definer USING (true);
REVOKE ALL ON FUNCTION directory_public() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION directory_public() TO percorsi_app;
