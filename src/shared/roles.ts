/**
 * Moved to src/shared/codes/ (roles.ts, organisations.ts). Kept only while web/types.ts, which
 * other work is replacing, still imports it: delete it with that file.
 */
export { ORGANISATION_TYPES, type OrganisationType } from './codes/organisations.ts';
export { ROLES, type Role } from './codes/roles.ts';
