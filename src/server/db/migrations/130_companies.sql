-- Companies and vacancies (/aziende, issue 8). The register is kept per network: a company, the
-- awareness activities run with it and what it committed to, and the vacancies it offers. Nothing
-- here is about a woman: no case table references these tables and they reference none; the
-- anonymous matching reads them beside her case in the app (companies/match.ts).
--
-- Who: the users of an organisation that belongs to the network; readers are the network
-- coordinator, CPI referents, company liaisons and centre operators (who match vacancies to the
-- plans of their cases); writers are the network coordinator, CPI referents and company liaisons.
-- The network is decided with the row (app_register_networks()); can() holds the roles
-- ('company.read', 'company.write'), auth/can-vs-sql.db.test.ts compares them.

-- The networks whose register the actor's organisation works with: the networks it is a member of,
-- and for an employment centre (CPI), which the protocols do not list as members, the networks
-- whose municipalities include its own (the CPI of Milan works with the Milan network).
CREATE FUNCTION app_register_networks() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT x.network_id), '{}') FROM (
    SELECT network_id FROM organisation_networks WHERE organisation_id = app_org_id()
    UNION
    SELECT nm.network_id FROM organisations o JOIN network_municipalities nm ON nm.istat_code = o.municipality_code
    WHERE o.id = app_org_id() AND o.type = 'employment_centre'
  ) x
$$;

CREATE FUNCTION app_reads_companies() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_has_role('network_coordinator') OR app_has_role('cpi_referent') OR app_has_role('company_liaison')
    OR app_has_role('centre_operator')
$$;
CREATE FUNCTION app_writes_companies() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_has_role('network_coordinator') OR app_has_role('cpi_referent') OR app_has_role('company_liaison')
$$;

CREATE TABLE companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id text NOT NULL REFERENCES networks,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  -- partita IVA: 11 digits (the check digit is validated by the app, shared/vat-number.ts)
  vat_number text NOT NULL CHECK (vat_number ~ '^[0-9]{11}$'),
  -- ATECO 2007/2025 code, e.g. 47.11 or 56.10.11
  ateco_code text CHECK (ateco_code ~ '^[0-9]{2}(\.[0-9]{1,2}){0,2}$'),
  size_band text NOT NULL CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
  municipality_code text NOT NULL REFERENCES municipalities,
  -- the company's contact person (a company's employee, not a woman on a path)
  contact_name text CHECK (length(contact_name) <= 200),
  contact_email text CHECK (length(contact_email) <= 200),
  contact_phone text CHECK (contact_phone ~ '^\+?[0-9][0-9 ]{4,22}$'),
  -- the body of the network that follows the company
  followed_by uuid NOT NULL REFERENCES organisations,
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (network_id, vat_number),
  UNIQUE (id, network_id)
);
CREATE INDEX companies_network_idx ON companies (network_id, name);

-- Awareness activities (information sessions, events, materials given) and commitments (charter
-- signed, traineeships offered, reserved or priority vacancies, flexible hours), with their dates,
-- the body that ran or follows them and, where it means something, how many (participants,
-- traineeships, vacancies).
CREATE TABLE company_engagements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL,
  network_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('information_session', 'event', 'materials', 'charter_signed', 'traineeships',
    'reserved_vacancies', 'priority_vacancies', 'flexible_hours')),
  started_on date NOT NULL,
  ended_on date CHECK (ended_on >= started_on),
  organisation_id uuid NOT NULL REFERENCES organisations,
  quantity integer CHECK (quantity BETWEEN 0 AND 100000),
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, network_id) REFERENCES companies (id, network_id)
);
CREATE INDEX company_engagements_company_idx ON company_engagements (company_id, started_on);

CREATE TABLE vacancies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL,
  network_id text NOT NULL,
  -- ISTAT CP2021 occupation (e.g. 5.2.2.1.0), or only the label
  occupation_code text CHECK (occupation_code ~ '^[1-9](\.[0-9]{1,2}){0,4}$'),
  occupation_label text NOT NULL CHECK (length(occupation_label) BETWEEN 2 AND 200),
  sector text NOT NULL CHECK (sector IN ('care_domestic', 'cleaning', 'hospitality_catering', 'retail',
    'manufacturing', 'agriculture', 'office_admin', 'health_social', 'education_childcare', 'logistics', 'beauty',
    'crafts', 'it_digital', 'other')),
  municipality_code text NOT NULL REFERENCES municipalities,
  contract_type text NOT NULL CHECK (contract_type IN ('permanent', 'fixed_term', 'apprenticeship', 'traineeship',
    'agency')),
  hours_per_week integer NOT NULL CHECK (hours_per_week BETWEEN 1 AND 48),
  shifts boolean NOT NULL DEFAULT false,
  education_min text NOT NULL CHECK (education_min IN ('none', 'primary', 'lower_secondary', 'upper_secondary',
    'tertiary')),
  italian_min text NOT NULL CHECK (italian_min IN ('none', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native')),
  languages text[] NOT NULL DEFAULT '{}' CHECK (languages <@ ARRAY['en', 'fr', 'es', 'ar', 'uk', 'ru', 'ro', 'sq',
    'zh', 'pt', 'de']),
  driving_licence boolean NOT NULL DEFAULT false,
  -- reserved or priority for women on a path (a commitment of the company)
  reserved boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  -- the body that entered it (a CPI, the network's coordinating body)
  entered_by uuid NOT NULL REFERENCES organisations,
  created_by uuid NOT NULL REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  FOREIGN KEY (company_id, network_id) REFERENCES companies (id, network_id)
);
CREATE INDEX vacancies_network_idx ON vacancies (network_id, status);
CREATE INDEX vacancies_company_idx ON vacancies (company_id);

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
ALTER TABLE company_engagements ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_engagements FORCE ROW LEVEL SECURITY;
ALTER TABLE vacancies ENABLE ROW LEVEL SECURITY;
ALTER TABLE vacancies FORCE ROW LEVEL SECURITY;

-- the network rule, evaluated once per statement (uncorrelated sub-selects, see migration 101)
CREATE POLICY companies_read ON companies FOR SELECT TO percorsi_app
  USING ((SELECT app_reads_companies()) AND network_id = ANY ((SELECT app_register_networks())::text[]));
CREATE POLICY companies_insert ON companies FOR INSERT TO percorsi_app
  WITH CHECK (app_writes_companies() AND network_id = ANY (app_register_networks()) AND created_by = app_user_id());
CREATE POLICY companies_update ON companies FOR UPDATE TO percorsi_app
  USING (app_writes_companies() AND network_id = ANY (app_register_networks()))
  WITH CHECK (app_writes_companies() AND network_id = ANY (app_register_networks()));

CREATE POLICY engagements_read ON company_engagements FOR SELECT TO percorsi_app
  USING ((SELECT app_reads_companies()) AND network_id = ANY ((SELECT app_register_networks())::text[]));
CREATE POLICY engagements_insert ON company_engagements FOR INSERT TO percorsi_app
  WITH CHECK (app_writes_companies() AND network_id = ANY (app_register_networks()) AND created_by = app_user_id());

CREATE POLICY vacancies_read ON vacancies FOR SELECT TO percorsi_app
  USING ((SELECT app_reads_companies()) AND network_id = ANY ((SELECT app_register_networks())::text[]));
CREATE POLICY vacancies_insert ON vacancies FOR INSERT TO percorsi_app
  WITH CHECK (app_writes_companies() AND network_id = ANY (app_register_networks()) AND created_by = app_user_id()
    AND entered_by = app_org_id());
CREATE POLICY vacancies_update ON vacancies FOR UPDATE TO percorsi_app
  USING (app_writes_companies() AND network_id = ANY (app_register_networks()))
  WITH CHECK (app_writes_companies() AND network_id = ANY (app_register_networks()));

GRANT SELECT, INSERT ON companies TO percorsi_app;
GRANT UPDATE (name, ateco_code, size_band, municipality_code, contact_name, contact_email, contact_phone, followed_by,
  updated_at, version) ON companies TO percorsi_app;
GRANT SELECT, INSERT ON company_engagements TO percorsi_app;
GRANT SELECT, INSERT ON vacancies TO percorsi_app;
GRANT UPDATE (occupation_code, occupation_label, sector, municipality_code, contract_type, hours_per_week, shifts,
  education_min, italian_min, languages, driving_licence, reserved, status, updated_at, version) ON vacancies TO percorsi_app;
