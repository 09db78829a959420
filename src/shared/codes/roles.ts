/** The roles a user can hold. Shared by the server (permissions) and the web UI (labels). */
export const ROLES = [
  'centre_operator',
  'cpi_referent',
  'service_operator',
  'network_coordinator',
  'control_room_member',
  'training_coordinator',
  'company_liaison',
  'dpo',
  'org_admin',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];
