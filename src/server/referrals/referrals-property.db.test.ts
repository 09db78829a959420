import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayInItaly } from '../db/dates.ts';
import { openTestAppPerFile } from '../testing/harness.ts';
import { CANARY, type Party, referralFixture } from '../testing/referral-fixture.ts';
import { REFERRAL_ACTIONS as ACTIONS } from '../../shared/codes/referrals.ts';
import { SHARE_FIELDS } from '../../shared/codes/sharing.ts';
import { ENDS_ACCESS, type Status, transition } from './lifecycle.ts';
import { groupOf } from './share-fields.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

type Who = 'sender' | 'recipient' | 'third';

const BODIES: Partial<Record<(typeof ACTIONS)[number], object>> = {
  decline: { declineReason: 'not_competent' },
  book: { appointmentOn: todayInItaly() },
  report: { report: { kind: 'registered', occurredOn: todayInItaly() } },
  complete: { completionOutcome: 'goal_reached' },
};
const NON_IDENTITY = SHARE_FIELDS.filter((x) => groupOf(x) !== 'identity');

const step = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      who: fc.constantFrom<Who>('sender', 'recipient', 'third'),
      action: fc.constantFrom(...ACTIONS.filter((a) => a !== 'expire')),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'revoke' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'time_passes' as const }) },
);

describe('the referral lifecycle through the API (property)', () => {
  it('random actions by random actors never reach an illegal state, never show a non-shared field, nothing after revocation or expiry', async () => {
    const centre = await f.centreWithCase();
    const third: Party = await f.party('employment_centre', ['cpi_referent']);
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...NON_IDENTITY], { minLength: 1, maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (fields, steps) => {
          const cpi = await f.party('employment_centre', ['cpi_referent']);
          const consentId = await f.consent(centre.s, centre.caseId, cpi.orgId);
          const sent = await f.send(centre.s, {
            caseId: centre.caseId,
            recipientOrganisationId: cpi.orgId,
            purpose: 'work_orientation',
            urgency: 'routine',
            shareFields: fields,
          });
          expect(sent.statusCode, sent.body).toBe(201);
          const id = sent.json().id as string;
          let status: Status = 'sent';
          let version = 1;
          let open = true;
          let revoked = false;
          let ended = false; // access ended by an event (the row's version moved)
          const as = { sender: centre, recipient: cpi, third };
          for (const s of steps) {
            if (s.kind === 'revoke') {
              if (!revoked) {
                const r = await f.inject(
                  'POST',
                  centre.s,
                  `/api/v1/cases/${centre.caseId}/consents/${consentId}/revocation`,
                  { revokedOn: todayInItaly() },
                );
                expect(r.statusCode, r.body).toBe(200);
                revoked = true;
                if (!ended) version += 1;
                ended = true;
                open = false;
              }
            } else if (s.kind === 'time_passes') {
              // the access window runs out (30 days after completion, or her consent's expiry)
              await t.db.owner
                .updateTable('referrals')
                .set({ access_until: '2026-01-01' })
                .where('id', '=', id)
                .execute();
              open = false;
            } else {
              const res = await f.step(as[s.who].s, id, version, { action: s.action, ...(BODIES[s.action] ?? {}) });
              const expected: ReturnType<typeof transition> | null =
                s.who === 'third' ? null : transition(status, s.who, s.action);
              if (s.who === 'third' || (s.who === 'recipient' && !open)) expect(res.statusCode).toBe(404);
              else if (expected?.ok) {
                expect(res.statusCode, res.body).toBe(200);
                status = expected.status;
                version += 1;
                if (ENDS_ACCESS.includes(status)) {
                  open = false;
                  ended = true;
                }
              } else expect([403, 409]).toContain(res.statusCode);
            }
            const seen = await f.inject('GET', cpi.s, `/api/v1/referrals/${id}`);
            if (!open) expect(seen.statusCode).toBe(404);
            else {
              expect(seen.statusCode).toBe(200);
              const shared = seen.json().shared as Record<string, unknown>;
              expect(shared.fields).toEqual(fields);
              for (const group of ['profile', 'needs', 'plan', 'identity', 'safeContact']) {
                if (shared[group] !== undefined) expect(fields.some((x) => groupOf(x) === group)).toBe(true);
              }
              if (shared.profile)
                for (const k of Object.keys(shared.profile as object)) expect(fields).toContain(`profile.${k}`);
              expect(seen.body).not.toContain(CANARY.lastName);
            }
            expect((await f.inject('GET', third.s, `/api/v1/referrals/${id}`)).statusCode).toBe(404);
            const mine = (await f.inject('GET', centre.s, `/api/v1/referrals/${id}`)).json();
            expect(mine.status).toBe(status);
            expect(mine.accessOpen).toBe(open);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
