/**
 * A certificate of attendance for a participant who completed a course, made on demand (nothing
 * stored): her name, her body, the course, its running body, the hours she attended, the dates.
 * pdfkit with the plan's fonts (plans/print-writer.ts); fixed metadata dates, so the same data
 * gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { PdfWriter, registerFonts } from '../plans/print-writer.ts';
import type { Course, Edition, Participant } from './schemas.ts';

const day = (iso: string) => iso.split('-').reverse().join('/');
const hours = (n: number) => n.toLocaleString('it-IT', { maximumFractionDigits: 1 });

export function renderCertificate(input: {
  course: Course;
  edition: Edition;
  participant: Participant;
}): Promise<Buffer> {
  const { course, edition, participant } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: 'Attestato di partecipazione',
      Producer: 'Percorsi',
      CreationDate: new Date(0),
      ModDate: new Date(0),
    },
  });
  registerFonts(doc);
  const w = new PdfWriter(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const dates = edition.sessions.filter((s) => participant.attendedSessionIds.includes(s.id)).map((s) => s.heldOn);
  w.paragraph('Percorsi — Reti territoriali antiviolenza', { size: 10, color: '#555555' });
  w.y += 30;
  w.paragraph('ATTESTATO DI PARTECIPAZIONE', { size: 22, bold: true });
  w.paragraph('Certificate of attendance', { size: 12, color: '#555555' });
  w.y += 24;
  w.paragraph('Si attesta che / This is to certify that', { size: 11 });
  w.y += 6;
  w.paragraph(participant.name, { size: 18, bold: true });
  w.paragraph(participant.organisationName, { size: 11 });
  w.y += 14;
  w.paragraph('ha partecipato al corso / attended the course', { size: 11 });
  w.y += 6;
  w.paragraph(course.title, { size: 15, bold: true });
  w.paragraph(`${edition.label} — ${course.networkName}`, { size: 11 });
  w.paragraph(`Ente che ha svolto il corso / Run by: ${course.runningBodyName}`, { size: 11 });
  w.y += 14;
  w.paragraph(`Ore frequentate / Hours attended: ${hours(participant.hoursAttended)} su / of ${hours(course.hours)}`, {
    size: 11,
  });
  if (dates.length) w.paragraph(`Date / Dates: ${dates.map(day).join(', ')}`, { size: 11 });
  if (participant.completedOn)
    w.paragraph(`Completato il / Completed on: ${day(participant.completedOn)}`, { size: 11 });
  if (course.topics.length) w.paragraph(`Temi / Topics: ${course.topics.join('; ')}`, { size: 11 });
  w.y += 30;
  w.paragraph('Documento generato da Percorsi: non contiene dati delle donne seguite dalle reti.', {
    size: 8,
    color: '#555555',
  });
  doc.end();
  return done;
}
