import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../shared/can.ts';
import { ROLES, type Role } from '../shared/codes/roles.ts';
import { it as italian } from './i18n/it.ts';
import { homeTiles, navLinks, SCREENS } from './navigation.ts';
import type { Me } from './types.ts';

const t = italian;
const meWith = (roles: Role[]): Me => ({
  user: { id: 'u-1', username: 'u', displayName: 'U', email: null, mfaEnrolled: true },
  organisation: { id: 'org-1', name: 'Org', type: 'cav' },
  roles,
  permissions: permissionsOf({ organisationId: 'org-1', roles }),
});

/** The menu and home page as they were decided from roles before permissions were told (the reference). */
function byRoles(roles: Role[]) {
  const has = (...rs: Role[]) => rs.some((r) => roles.includes(r));
  const canSeeAll = has('dpo', 'platform_admin');
  const nav = [
    '/',
    '/notifiche',
    ...(has('centre_operator', 'dpo') ? ['/percorsi', '/follow-up'] : []),
    ...(has('centre_operator', 'cpi_referent', 'service_operator', 'dpo') ? ['/invii'] : []),
    ...(has('network_coordinator', 'control_room_member') ? ['/invii/scaduti'] : []),
    '/reti',
    '/organizzazioni',
    '/protocolli',
    ...(has('org_admin', 'platform_admin') ? ['/utenti'] : []),
    ...(has('org_admin', 'network_coordinator', 'platform_admin') ? ['/elenco-pubblico'] : []),
    // obs-report
    ...(has('network_coordinator', 'control_room_member', 'org_admin') ? ['/osservatorio'] : []),
    // net-control
    ...(has('network_coordinator', 'control_room_member') ? ['/cabina-di-regia'] : []),
    // net-companies
    ...(has('network_coordinator', 'cpi_referent', 'company_liaison', 'centre_operator') ? ['/aziende'] : []),
    ...(has(
      'network_coordinator',
      'control_room_member',
      'org_admin',
      'centre_operator',
      'cpi_referent',
      'service_operator',
    )
      ? ['/procedure']
      : []),
    // training (issue 8)
    ...(has('network_coordinator', 'training_coordinator', 'control_room_member', 'org_admin') ? ['/formazione'] : []),
    ...(has('network_coordinator', 'control_room_member', 'org_admin') ? ['/prevenzione'] : []),
    '/audit',
  ];
  const tiles = [
    ...(has('centre_operator', 'dpo') ? ['/percorsi', '/follow-up'] : []),
    ...(has('centre_operator') ? ['/percorsi/nuovo'] : []),
    ...(has('centre_operator', 'cpi_referent', 'service_operator', 'dpo') ? ['/invii'] : []),
    ...(has('network_coordinator', 'control_room_member') ? ['/invii/scaduti'] : []),
    '/reti',
    '/organizzazioni',
    '/protocolli',
    '/organizzazioni/org-1',
    ...(has('org_admin', 'platform_admin') ? ['/utenti'] : []),
    ...(has('org_admin', 'network_coordinator', 'platform_admin') ? ['/elenco-pubblico'] : []),
    // obs-report
    ...(has('network_coordinator', 'control_room_member', 'org_admin') ? ['/osservatorio'] : []),
    // net-control
    ...(has('network_coordinator', 'control_room_member') ? ['/cabina-di-regia'] : []),
    // net-companies
    ...(has('network_coordinator', 'cpi_referent', 'company_liaison', 'centre_operator') ? ['/aziende'] : []),
    ...(has(
      'network_coordinator',
      'control_room_member',
      'org_admin',
      'centre_operator',
      'cpi_referent',
      'service_operator',
    )
      ? ['/procedure']
      : []),
    // training (issue 8)
    ...(has('network_coordinator', 'training_coordinator', 'control_room_member', 'org_admin') ? ['/formazione'] : []),
    ...(has('network_coordinator', 'control_room_member', 'org_admin') ? ['/prevenzione'] : []),
    ...(canSeeAll ? ['/audit'] : []),
    // issue 12: the DPO's insider alerts
    ...(has('dpo') ? ['/allerte'] : []),
    canSeeAll ? '/audit?actor=u-1' : '/audit',
  ];
  return { nav, tiles, auditText: canSeeAll ? t.nav.audit : t.nav.myActivity };
}

describe('navigation from permissions', () => {
  it('shows every role the same menu and home page as the role checks did', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 4 }), (roles) => {
        const me = meWith(roles);
        const expected = byRoles(roles);
        const links = navLinks({ t, me, unread: 0 });
        expect(links.map((l) => l.to)).toEqual(expected.nav);
        expect(links.find((l) => l.to === '/audit')?.text).toBe(expected.auditText);
        expect(homeTiles({ t, me }).map((x) => x.to)).toEqual(expected.tiles);
      }),
    );
  });

  it('opens with one permission exactly the rows of that permission', () => {
    const base = meWith([]);
    for (const action of new Set(SCREENS.map((s) => s.action))) {
      const me = { ...base, permissions: [action] };
      const rows = SCREENS.filter((s) => s.action === action);
      const c = { t, me, unread: 0 };
      expect(homeTiles(c).map((x) => x.to)).toEqual(rows.filter((s) => s.tile).map((s) => s.to(c)));
      expect(navLinks(c).map((l) => l.to)).toEqual(['/', ...rows.filter((s) => s.nav).map((s) => s.to(c))]);
    }
  });

  it('shows nothing but home to a user told no permission', () => {
    const me = meWith([]);
    expect(navLinks({ t, me, unread: 0 }).map((l) => l.to)).toEqual(['/']);
    expect(homeTiles({ t, me })).toEqual([]);
  });

  it('counts unread notifications in the menu', () => {
    const links = navLinks({ t, me: meWith(['cpi_referent']), unread: 3 });
    expect(links.find((l) => l.to === '/notifiche')?.text).toBe(t.notifications.navCount.replace('{count}', '3'));
  });
});
