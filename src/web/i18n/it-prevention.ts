/** Italian strings of prevention activities (/prevenzione, issue 8). */
import { PREVENTION_AUDIENCES, PREVENTION_KINDS, PREVENTION_RESOURCE_KINDS } from '../../shared/codes/prevention.ts';
import { labelsFor } from './code-labels.ts';

export const itPrevention = {
  prevention: {
    nav: 'Prevenzione',
    title: 'Attività di prevenzione',
    intro:
      'Campagne, scuole, famiglie, università ed eventi pubblici per Municipio o comune, con gli enti coinvolti e le risorse impegnate.',
    homeTitle: 'Prevenzione',
    homeText: 'Le attività di prevenzione della rete per Municipio, con le risorse impegnate.',
    listView: 'Elenco',
    calendarView: 'Calendario',
    view: 'Vista',
    month: 'Mese',
    previous: 'Mese precedente',
    next: 'Mese successivo',
    caption: 'Attività dal {from} al {to}',
    calendarCaption: 'Calendario di {month}',
    totalsCaption: 'Totali per trimestre',
    period: 'Periodo',
    activities: 'Attività',
    participants: 'Partecipanti',
    money: 'Euro impegnati',
    hours: 'Ore impegnate',
    activity: 'Attività',
    kind: 'Tipo',
    where: 'Dove',
    municipio: 'Municipio {n}',
    dates: 'Date',
    bodies: 'Enti e risorse',
    materials: 'Materiali',
    audience: 'Destinatari',
    empty: 'Nessuna attività nel periodo.',
    weekdays: ['Lun', 'Mar', 'Mer', 'Gio', 'Ven', 'Sab', 'Dom'],
    kinds: labelsFor(PREVENTION_KINDS, {
      school_workshop: 'Laboratorio nelle scuole',
      teacher_training: 'Formazione per insegnanti',
      family_meeting: 'Incontro con le famiglie',
      university: 'Ricerca o corso universitario',
      campaign: 'Campagna di comunicazione',
      public_event: 'Evento pubblico',
    }),
    audiences: labelsFor(PREVENTION_AUDIENCES, {
      students: 'Studenti',
      teachers: 'Insegnanti',
      families: 'Famiglie',
      university: 'Università',
      general_public: 'Cittadinanza',
      professionals: 'Professionisti',
    }),
    resourceKinds: labelsFor(PREVENTION_RESOURCE_KINDS, {
      involved: 'coinvolto',
      money: 'euro',
      hours: 'ore',
    }),
  },
};
