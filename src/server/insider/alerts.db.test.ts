import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/record.ts';
import { setActor, withContext } from '../db/context.ts';
import { makeUser, openTestAppPerFile, type Signed, signIn, signInNew } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';
import { detectInsiderAlerts } from './alerts.ts';
import { HOURLY_CEILING } from './thresholds.ts';
import type { InsiderAlert } from './schemas.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

describe('insider alerts', { timeout: 240_000 }, () => {
  let x: Awaited<ReturnType<typeof f.centreWithCase>>;
  let outsider: Awaited<ReturnType<typeof makeUser>>;
  let outsiderS: Signed;
  let dpo: Signed;
  beforeAll(async () => {
    x = await f.centreWithCase();
    outsider = await makeUser(t.db, t.config, { organisationId: x.orgId, roles: ['centre_operator'] });
    outsiderS = await signIn(t.app, t.db, outsider);
    dpo = await signInNew(t, { organisationId: x.orgId, roles: ['dpo'] });
  }, 240_000);

  const alerts = async (s: Signed) => f.inject('GET', s, '/api/v1/insider-alerts');

  it('tells the DPO of an identity read tried off the team, with the audit row behind it, once', async () => {
    const tried = await f.inject('GET', outsiderS, `/api/v1/cases/${x.caseId}/identity?purpose=contact`);
    expect(tried.statusCode).toBe(403);
    // the case's own operator reads it: on her team, nothing to tell
    expect((await f.inject('GET', x.s, `/api/v1/cases/${x.caseId}/identity?purpose=contact`)).statusCode).toBe(200);
    expect((await detectInsiderAlerts(t.db))?.alerts).toBe(1);
    expect((await detectInsiderAlerts(t.db))?.alerts).toBe(0); // a rerun adds nothing

    const res = await alerts(dpo);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as InsiderAlert[];
    expect(items.map((a) => [a.kind, a.userId, a.count])).toEqual([['off_team', outsider.id, 1]]);
    expect(items[0]?.rows).toEqual([
      expect.objectContaining({ action: 'case.identity_read', outcome: 'denied', subjectId: x.caseId }),
    ]);
    const inbox = (await f.inject('GET', dpo, '/api/v1/notifications')).body;
    expect(inbox).toContain('insider_alert');
  });

  it('tells a volume over the ceiling, not one at it', async () => {
    const reads = (n: number, userId: string) =>
      Promise.all(
        Array.from({ length: n }, () =>
          recordAudit(t.db.owner as never, null, {
            action: 'case.identity_read',
            subjectType: 'case',
            subjectId: x.caseId,
            purpose: 'contact',
            actor: { userId, organisationId: x.orgId },
          }),
        ),
      );
    await reads(HOURLY_CEILING - 1, x.user.id); // with the one read above: exactly the ceiling
    expect((await detectInsiderAlerts(t.db))?.alerts).toBe(0);
    await reads(1, x.user.id);
    expect((await detectInsiderAlerts(t.db))?.alerts).toBe(1);
    const items = (await alerts(dpo)).json().items as InsiderAlert[];
    const ceiling = items.find((a) => a.kind === 'volume_ceiling');
    expect(ceiling).toMatchObject({ userId: x.user.id, count: HOURLY_CEILING + 1 });
    expect(ceiling?.rows).toHaveLength(HOURLY_CEILING + 1);
  });

  it('shows the alerts to the organisation’s DPO only (app and RLS)', async () => {
    expect((await alerts(x.s)).statusCode).toBe(404);
    const otherDpo = await signInNew(t, { organisationId: (await f.party('cav', ['dpo'])).orgId, roles: ['dpo'] });
    expect((await alerts(otherDpo)).json().items).toEqual([]);
    expect((await f.inject('GET', null, '/api/v1/insider-alerts')).statusCode).toBe(401);
    const count = (actor: Parameters<typeof setActor>[1] | null) =>
      withContext(t.db, async (tx) => {
        if (actor) await setActor(tx, actor);
        return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM insider_alerts`.execute(tx)).rows[0]?.n;
      });
    expect(await count(null)).toBe(0);
    expect(await count({ userId: x.user.id, organisationId: x.orgId, roles: ['centre_operator'] })).toBe(0);
    expect(await count({ userId: randomUUID(), organisationId: x.orgId, roles: ['dpo'] })).toBe(2);
    await expect(
      withContext(t.db, async (tx) => {
        await setActor(tx, { userId: randomUUID(), organisationId: x.orgId, roles: ['dpo'] });
        await sql`DELETE FROM insider_alerts`.execute(tx);
      }),
    ).rejects.toThrow();
  });
});
