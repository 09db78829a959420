-- Organisation admins edit only the public directory fields of their organisation: the app role
-- may not change an organisation's type, name or shelter flag even if an app check were bypassed.
REVOKE UPDATE ON organisations FROM percorsi_app;
GRANT UPDATE (description, helpline, website, address, updated_at, version) ON organisations TO percorsi_app;
