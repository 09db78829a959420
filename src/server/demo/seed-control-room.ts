/**
 * Demo only (net-control): a believable year of the Milan protocol's control room, written by the
 * demo coordinator through the same use cases as the API — minutes as small PDFs (pdfkit), meetings
 * with decisions and action items (some done, some overdue), the working group "Lavoro e violenza"
 * with its meetings and an output. Dates are relative to today, so the demo always has something
 * overdue and something still to come.
 */
import type { Role } from '../../shared/codes/roles.ts';
import { createWorkingGroup, recordMeeting, updateActionStatus } from '../control-room/meetings.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { uploadDocument } from '../documents/documents.ts';
import { makeCtx } from '../http/request-context.ts';
import { addVersion, createProcedure, readProcedure, transitionVersion } from '../procedures/procedures.ts';

const PROTOCOL = 'milano-lavoro-2022';

/** A small PDF: a title and a few lines (synthetic text, no person's data). */
export async function demoPdf(title: string, lines: string[]): Promise<Uint8Array> {
  // pdfkit only when the demo writes its documents (first start), not on every start
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    lang: 'it-IT',
    info: { Title: title, Author: 'Percorsi (demo)', Creator: 'Percorsi', Producer: 'Percorsi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16).text(title);
  doc.moveDown();
  doc.fontSize(11);
  for (const l of lines) doc.text(l).moveDown(0.5);
  doc.moveDown().fontSize(9).text('DEMO — documento sintetico generato da Percorsi.');
  doc.end();
  return new Uint8Array(await done);
}

const shift = (today: string, days: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function seedDemoControlRoomOnce(db: Database): Promise<number> {
  const protocol = await db.owner.selectFrom('protocols').select('id').where('code', '=', PROTOCOL).executeTakeFirst();
  if (!protocol) return 0;
  const any = await db.owner.selectFrom('control_room_meetings').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const coordinator = await db.owner
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('username', '=', 'coordinatrice.milano')
    .executeTakeFirst();
  if (!coordinator) return 0;
  const bodies = await db.owner
    .selectFrom('protocol_signatories as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.name', 'o.type'])
    .where('s.protocol_id', '=', protocol.id)
    .orderBy('o.name')
    .execute();
  const find = (pattern: RegExp) => bodies.find((b) => pattern.test(b.name))?.id;
  const city = coordinator.organisation_id;
  if (!bodies.some((b) => b.id === city)) return 0;
  const afol = find(/AFOL/) ?? city;
  const metro = find(/Città metropolitana/) ?? city;
  const centres = bodies.filter((b) => b.type === 'cav' || b.type === 'shelter_operator').map((b) => b.id);
  const centre = centres[0] ?? city;
  const present = [city, afol, metro, ...centres.slice(0, 4)];
  const actor: Actor = { userId: coordinator.id, organisationId: city, roles: ['network_coordinator' as Role] };
  const today = todayInItaly();
  const p = protocol.id;
  // read before the transaction: on PGlite the owner and the app share one connection
  const admin = await db.owner
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('username', '=', 'admin.cadmi')
    .executeTakeFirst();

  return withContext(db, async (tx) => {
    await setActor(tx, actor);
    const ctx = makeCtx(tx, actor);
    const minutes = async (title: string, lines: string[]) =>
      (
        await uploadDocument(
          ctx,
          p,
          { kind: 'minutes', title },
          { bytes: await demoPdf(title, lines), filename: 'verbale.pdf' },
        )
      ).id;
    const group = await createWorkingGroup(ctx, p, { name: 'Lavoro e violenza', memberIds: [city, afol, centre] });

    const m1 = await recordMeeting(ctx, p, {
      heldOn: shift(today, -320),
      place: 'Palazzo Marino, Milano',
      agenda: ['Programma dell’anno', 'Formazione dei referenti dei Centri per l’impiego', 'Procedura di invio ai CPI'],
      attendance: present,
      minutesDocumentId: await minutes('Verbale della cabina di regia — prima seduta', [
        'Presenti gli enti firmatari indicati in elenco.',
        'Approvato il programma dell’anno; avviata la formazione dei referenti.',
      ]),
      decisions: [
        {
          text: 'Avviare il percorso formativo per due referenti in ogni Centro per l’impiego.',
          actions: [
            { title: 'Calendario dei corsi per i referenti CPI', ownerOrganisationId: afol, dueOn: shift(today, -260) },
          ],
        },
        {
          text: 'Predisporre una procedura condivisa per gli invii ai Centri per l’impiego.',
          actions: [
            { title: 'Bozza della procedura di invio ai CPI', ownerOrganisationId: city, dueOn: shift(today, -230) },
          ],
        },
      ],
    });
    const m2 = await recordMeeting(ctx, p, {
      heldOn: shift(today, -230),
      place: 'Città metropolitana di Milano, via Vivaio 1',
      agenda: ['Esito della formazione', 'Campagna informativa nelle aziende', 'Mappa dei servizi'],
      attendance: present.slice(0, 5),
      minutesDocumentId: await minutes('Verbale della cabina di regia — seconda seduta', [
        'La formazione dei referenti è conclusa in sei Centri per l’impiego su nove.',
        'Si decide una campagna informativa nelle aziende del territorio.',
      ]),
      decisions: [
        {
          text: 'Avviare una campagna informativa nelle aziende con almeno venti incontri.',
          actions: [
            { title: 'Venti incontri informativi nelle aziende', ownerOrganisationId: afol, dueOn: shift(today, -60) },
          ],
        },
        {
          text: 'Aggiornare la mappa dei servizi della rete.',
          actions: [{ title: 'Mappa dei servizi aggiornata', ownerOrganisationId: metro, dueOn: shift(today, -90) }],
        },
      ],
    });
    await recordMeeting(ctx, p, {
      heldOn: shift(today, -200),
      place: 'AFOL Metropolitana',
      workingGroupId: group.id,
      agenda: ['Colloqui di orientamento nei CPI', 'Linguaggio e riservatezza'],
      attendance: [city, afol, centre],
      decisions: [
        {
          text: 'Scrivere linee guida per i colloqui di orientamento nei CPI.',
          actions: [{ title: 'Linee guida per i colloqui', ownerOrganisationId: centre, dueOn: shift(today, -120) }],
        },
      ],
    });
    await recordMeeting(ctx, p, {
      heldOn: shift(today, -140),
      place: 'Palazzo Marino, Milano',
      agenda: ['Monitoraggio semestrale', 'Stato della campagna nelle aziende'],
      attendance: present,
      minutesDocumentId: await minutes('Verbale della cabina di regia — terza seduta', [
        'Presentato il monitoraggio del primo semestre.',
      ]),
      decisions: [
        {
          text: 'Presentare il monitoraggio semestrale alla prossima seduta.',
          actions: [
            { title: 'Monitoraggio del secondo semestre', ownerOrganisationId: city, dueOn: shift(today, -20) },
          ],
        },
      ],
    });
    await recordMeeting(ctx, p, {
      heldOn: shift(today, -100),
      place: 'CADMI, Milano',
      workingGroupId: group.id,
      agenda: ['Revisione delle linee guida'],
      attendance: [city, afol, centre],
      decisions: [],
    });
    await uploadDocument(
      ctx,
      p,
      { kind: 'output', title: 'Linee guida per i colloqui di orientamento nei CPI', workingGroupId: group.id },
      {
        bytes: await demoPdf('Linee guida per i colloqui di orientamento nei CPI', [
          'Prodotto del gruppo di lavoro “Lavoro e violenza”.',
          'Accoglienza, riservatezza, linguaggio, tempi del colloquio.',
        ]),
        filename: 'linee-guida.pdf',
      },
    );
    await recordMeeting(ctx, p, {
      heldOn: shift(today, -45),
      place: 'Palazzo Marino, Milano',
      agenda: ['Revisione della procedura di invio', 'Programma del prossimo anno'],
      attendance: present.slice(0, 6),
      minutesDocumentId: await minutes('Verbale della cabina di regia — quarta seduta', [
        'Avviata la revisione della procedura di invio ai CPI.',
      ]),
      decisions: [
        {
          text: 'Rivedere la procedura di invio ai CPI alla luce del primo anno.',
          actions: [
            { title: 'Nuova versione della procedura di invio', ownerOrganisationId: city, dueOn: shift(today, 40) },
          ],
        },
      ],
    });
    // a year of progress: the first meeting's actions are done, the campaign is under way
    const done = [...m1.actions];
    for (const a of done) await updateActionStatus(ctx, p, a.id, 'done', a.version);
    const campaign = m2.actions.find((a) => a.title.startsWith('Venti'));
    if (campaign) await updateActionStatus(ctx, p, campaign.id, 'in_progress', campaign.version);
    await seedProcedures(admin, ctx, p, today);
    return 6;
  });
}

/**
 * Two shared procedures: the referral to the CPIs (version 1 approved early in the year, superseded
 * by version 2 after the review) and the confidentiality of meetings with companies (approved, with a
 * new draft). The centre's administrator acknowledges the versions in force for her body.
 */
async function seedProcedures(
  admin: { id: string; organisation_id: string } | undefined,
  ctx: ReturnType<typeof makeCtx>,
  p: string,
  today: string,
) {
  const text = async (title: string, lines: string[]) =>
    (
      await uploadDocument(
        ctx,
        p,
        { kind: 'procedure', title },
        { bytes: await demoPdf(title, lines), filename: 'procedura.pdf' },
      )
    ).id;
  const approve = async (id: string, number: number, on: string, act: string) => {
    const detail = await readVersions(ctx, id);
    const v = detail.versions.find((x) => x.number === number);
    if (v) await transitionVersion(ctx, id, v.id, { action: 'approve', approvedOn: on, actReference: act }, v.version);
  };
  const cpi = await createProcedure(ctx, p, {
    title: 'Invio delle donne ai Centri per l’impiego',
    appliesToType: 'employment_centre',
    documentId: await text('Procedura di invio ai Centri per l’impiego — versione 1', [
      'Il centro antiviolenza concorda l’invio con la donna e raccoglie il consenso.',
      'Il Centro per l’impiego risponde entro 5 giorni lavorativi e fissa il primo colloquio entro 15.',
    ]),
  });
  await approve(cpi.id, 1, shift(today, -230), 'Verbale della cabina di regia, seduta 2, punto 3');
  const companies = await createProcedure(ctx, p, {
    title: 'Riservatezza negli incontri con le aziende',
    appliesToType: 'company',
    documentId: await text('Riservatezza negli incontri con le aziende — versione 1', [
      'Nessun dato della donna è condiviso con l’azienda senza un invio con il suo consenso.',
    ]),
  });
  await approve(companies.id, 1, shift(today, -140), 'Verbale della cabina di regia, seduta 3, punto 2');
  await addVersion(
    ctx,
    companies.id,
    await text('Riservatezza negli incontri con le aziende — versione 2 (bozza)', ['Bozza in discussione.']),
  );

  // the centre's administrator acknowledges what is in force for her body
  const acknowledge = async (id: string) => {
    if (!admin) return;
    const actor: Actor = { userId: admin.id, organisationId: admin.organisation_id, roles: ['org_admin' as Role] };
    await setActor(ctx.tx, actor);
    const body = makeCtx(ctx.tx, actor);
    const detail = await readVersions(body, id);
    const v = detail.versions.find((x) => x.allowedActions.includes('acknowledge'));
    if (v) await transitionVersion(body, id, v.id, { action: 'acknowledge' }, v.version);
    await setActor(ctx.tx, ctx.me());
  };
  await acknowledge(cpi.id);
  await acknowledge(companies.id);
  // the review of the first year: version 2 of the referral procedure supersedes version 1
  await addVersion(
    ctx,
    cpi.id,
    await text('Procedura di invio ai Centri per l’impiego — versione 2', [
      'Come la versione 1; in più il referente del CPI conferma per iscritto la presa in carico.',
    ]),
  );
  await approve(cpi.id, 2, shift(today, -30), 'Verbale della cabina di regia, seduta 4, punto 1');
}

/** The procedure as the actor sees it (its versions and what she may do). */
const readVersions = (ctx: ReturnType<typeof makeCtx>, id: string) => readProcedure(ctx, id);
