import PDFDocument from 'pdfkit';
import { labelOf, messagesFor } from '../exports/messages.ts';
import { localDay } from '../plans/print-plan.ts';
import { PdfWriter, registerFonts, type TextStyle } from '../plans/print-writer.ts';
import type { AccessReport } from './schemas.ts';

/** A time in Italy, as she would read it: "3 dicembre 2026, 10:42". */
function localTime(iso: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));
}

/**
 * Her access report as a PDF in her language (Italian or English), with the Noto fonts of the
 * printed plan (her name may be in any script). No scripts, no external resources.
 */
export async function renderAccessReportPdf(r: AccessReport): Promise<Buffer> {
  const m = messagesFor(r.lang);
  const L = m.rights.pdf;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 50, right: 50 },
    lang: r.lang === 'en' ? 'en-GB' : 'it-IT',
    displayTitle: true,
    info: { Title: `${L.title} ${r.case.code}`, Author: 'Percorsi', Creator: 'Percorsi', Producer: 'Percorsi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const w = new PdfWriter(doc);
  const day = (iso: string | null) => localDay(iso, r.lang);
  const style = (size: number, bold = false, color = '#1a1a1a'): TextStyle => ({ size, bold, color, dir: 'auto' });
  const text = style(10);
  const heading = (s: string) => {
    w.gap(8);
    w.paragraph(s, style(13, true));
    w.gap(2);
  };
  const line = (s: string, indent = 0) => w.paragraph(s, text, indent);
  const label = (group: Parameters<typeof labelOf>[1], code: string | null | undefined) => labelOf(m, group, code);

  w.paragraph(L.title, style(18, true));
  w.paragraph(L.subtitle, style(10, false, '#333333'));
  w.gap(8);
  line(`${L.controller}: ${r.centre.name}`);
  line(`${L.caseCode}: ${r.case.code}`);
  line(`${L.generatedAt}: ${localTime(r.generatedAt, r.lang)}`);
  w.rule();

  heading(L.identity);
  const id = r.identity;
  if (!id) line(L.noIdentity);
  else {
    line(`${L.firstName}: ${id.firstName}`);
    line(`${L.lastName}: ${id.lastName}`);
    if (id.birthDate) line(`${L.birthDate}: ${day(id.birthDate)}`);
    if (id.taxCode) line(`${L.taxCode}: ${id.taxCode}`);
    if (id.phone) line(`${L.phone}: ${id.phone}`);
    if (id.email) line(`${L.email}: ${id.email}`);
    if (id.address) line(`${L.address}: ${id.address}`);
    if (id.languages?.length) line(`${L.languages}: ${id.languages.join(', ')}`);
  }

  heading(L.path);
  const c = r.case;
  line(`${L.status}: ${label('caseStatus', c.status)}`);
  line(`${L.takenInChargeOn}: ${day(c.takenInChargeOn)}`);
  if (c.closedOn) line(`${L.closedOn}: ${day(c.closedOn)} (${label('closureOutcomes', c.closureOutcome)})`);
  const profile = [
    label('ageBands', c.ageBand),
    label('citizenships', c.citizenship),
    label('education', c.education),
    label('employment', c.employment),
    ...c.violenceTypes.map((v) => label('violenceTypes', v)),
  ].filter(Boolean);
  if (profile.length) line(`${L.profile}: ${profile.join(' · ')}`);

  heading(L.consents);
  if (!r.consents.length) line(L.noConsents);
  for (const k of r.consents) {
    const who = k.recipientOrganisationName ?? (k.recipientType ? label('orgTypes', k.recipientType) : null);
    const head = [
      label('consentPurposes', k.purpose),
      who,
      k.sharingPurpose ? label('sharingPurposes', k.sharingPurpose) : null,
      k.includesIdentity ? L.withIdentity : null,
    ].filter(Boolean);
    line(`${head.join(' — ')}: ${label('consentDecisions', k.decision)}`);
    const when = [
      `${L.givenOn} ${day(k.givenOn)}`,
      k.expiresOn ? `${L.expiresOn} ${day(k.expiresOn)}` : null,
      k.revokedOn ? `${L.revokedOn} ${day(k.revokedOn)}` : null,
      label('consentStatuses', k.status),
    ].filter(Boolean);
    line(when.join(', '), 14);
  }

  heading(L.referrals);
  if (!r.referrals.length) line(L.noReferrals);
  for (const f of r.referrals) {
    line(
      `${f.recipientOrganisationName} — ${label('sharingPurposes', f.purpose)} — ${L.sentAt} ${day(f.sentAt.slice(0, 10))} (${label('referralStatuses', f.status)})`,
    );
    line(`${L.shared}: ${f.sharedFields.map((x) => label('shareFields', x)).join(', ')}`, 14);
    if (f.accessEndedAt)
      line(
        `${L.accessEnded} ${day(f.accessEndedAt.slice(0, 10))} (${label('accessEndReasons', f.accessEndReason)})`,
        14,
      );
    else if (f.accessUntil) line(`${L.accessUntil} ${day(f.accessUntil)}`, 14);
  }

  heading(L.reads);
  line(r.staffNames ? L.namesShown : L.roleOnly);
  w.gap(2);
  if (!r.reads.length) line(L.noReads);
  for (const x of r.reads) {
    const side = x.side === 'centre' ? L.atCentre : L.atRecipient;
    const roles = x.roles.length ? x.roles.map((role) => label('roles', role)).join(', ') : L.unknownRole;
    const who = x.staffName ? `${x.staffName} (${roles})` : roles;
    line(`${localTime(x.at, r.lang)} — ${x.organisationName} (${side}) — ${who}`);
    const purpose =
      x.side === 'recipient'
        ? label('sharingPurposes', x.purpose)
        : x.purpose
          ? label('identityPurposes', x.purpose)
          : null;
    const what = [m.rights.readKinds[x.kind], purpose ? `${L.purpose}: ${purpose}` : null].filter(Boolean);
    line(what.join(' — '), 14);
    if (x.side === 'recipient' && x.fields.length)
      line(`${L.shared}: ${x.fields.map((f) => label('shareFields', f)).join(', ')}`, 14);
  }
  w.gap(12);
  w.paragraph(L.footer, style(8.5, false, '#555555'));
  doc.end();
  return done;
}
