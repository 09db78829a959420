import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseActions, grantableRoles, organisationActions, userActions } from './allowed-actions.ts';
import { ACTIONS, can, permissionsOf, RULES } from './can.ts';
import { ROLES } from './codes/roles.ts';

const org = fc.uuid();
const roles = fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: ROLES.length });
const action = fc.constantFrom(...ACTIONS);

describe('can()', () => {
  it('denies everything to nobody and to a user without roles', () => {
    fc.assert(
      fc.property(org, org, action, (mine, subject, a) => {
        expect(can(null, a, { organisationId: subject })).toBe(false);
        expect(can({ organisationId: mine, roles: [] }, a, { organisationId: subject })).toBe(false);
      }),
    );
  });

  it("never grants another organisation through an 'own' rule", () => {
    fc.assert(
      fc.property(org, org, roles, action, (mine, other, rs, a) => {
        fc.pre(mine !== other);
        const viaAny = rs.some((r) => RULES[a][r] === 'any');
        expect(can({ organisationId: mine, roles: rs }, a, { organisationId: other })).toBe(viaAny);
      }),
    );
  });

  it('grants a role set exactly what one of its roles grants', () => {
    fc.assert(
      fc.property(org, roles, action, (mine, rs, a) => {
        const actor = { organisationId: mine, roles: rs };
        const one = rs.some((r) => can({ organisationId: mine, roles: [r] }, a, { organisationId: mine }));
        expect(can(actor, a, { organisationId: mine })).toBe(one);
      }),
    );
  });

  it('gives every role the common screens, and the case screens to the centre only', () => {
    for (const r of ROLES) {
      const p = permissionsOf({ organisationId: 'o', roles: [r] });
      expect(p).toEqual(expect.arrayContaining(['network.read', 'audit.read_own', 'notification.read']));
      expect(p.includes('case.read')).toBe(r === 'centre_operator' || r === 'dpo');
      expect(p.includes('case.write')).toBe(r === 'centre_operator');
    }
  });
});

describe('allowed actions of a resource', () => {
  const operator = { userId: 'u', organisationId: 'centre', roles: ['centre_operator'] as const };
  const dpo = { userId: 'd', organisationId: 'centre', roles: ['dpo'] as const };

  it('lets an operator work an open case, only reopen or follow up a closed one', () => {
    const open = caseActions(operator, { organisationId: 'centre', status: 'open', onMyTeam: true });
    expect(open).toEqual(expect.arrayContaining(['update', 'close', 'write_identity', 'send_referral']));
    expect(open).not.toContain('reopen');
    const closed = caseActions(operator, { organisationId: 'centre', status: 'closed', onMyTeam: true });
    expect(closed).toEqual(['reopen', 'record_follow_up', 'withdraw_consent', 'print_plan', 'read_identity']);
    const offTeam = caseActions(operator, { organisationId: 'centre', status: 'open', onMyTeam: false });
    expect(offTeam).not.toContain('write_identity');
  });

  it("lets the DPO read a case's identity and nothing else", () => {
    expect(caseActions(dpo, { organisationId: 'centre', status: 'open', onMyTeam: false })).toEqual([
      'read_identity',
      'access_report',
    ]);
  });

  it("gives nothing on another organisation's case", () => {
    fc.assert(
      fc.property(roles, fc.constantFrom('open', 'closed' as const), fc.boolean(), (rs, status, onMyTeam) => {
        const actor = { organisationId: 'mine', roles: rs };
        expect(caseActions(actor, { organisationId: 'theirs', status, onMyTeam })).toEqual([]);
      }),
    );
  });

  it('lets an org_admin update her organisation only; a platform_admin any', () => {
    const admin = { organisationId: 'mine', roles: ['org_admin'] as const };
    expect(organisationActions(admin, 'mine')).toEqual(['update']);
    expect(organisationActions(admin, 'theirs')).toEqual([]);
    expect(organisationActions({ organisationId: 'mine', roles: ['platform_admin'] }, 'theirs')).toEqual(['update']);
  });

  it('never lets an admin disable herself, and grants platform_admin only through a platform_admin', () => {
    const admin = { userId: 'a', organisationId: 'mine', roles: ['org_admin'] as const };
    expect(userActions(admin, { id: 'a', organisationId: 'mine', disabled: false })).toEqual([
      'update_roles',
      'reset_password',
    ]);
    expect(userActions(admin, { id: 'b', organisationId: 'mine', disabled: true })).toEqual(['update_roles', 'enable']);
    expect(userActions(dpo, { id: 'b', organisationId: 'centre', disabled: false })).toEqual([]);
    expect(grantableRoles(admin)).not.toContain('platform_admin');
    expect(grantableRoles({ organisationId: 'x', roles: ['platform_admin'] })).toEqual([...ROLES]);
  });
});
