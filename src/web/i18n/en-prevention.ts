/** English strings of prevention activities (/prevenzione, issue 8). */
import { PREVENTION_AUDIENCES, PREVENTION_KINDS, PREVENTION_RESOURCE_KINDS } from '../../shared/codes/prevention.ts';
import { labelsFor } from './code-labels.ts';
import type { itPrevention } from './it-prevention.ts';

export const enPrevention: typeof itPrevention = {
  prevention: {
    nav: 'Prevention',
    title: 'Prevention activities',
    intro:
      'Campaigns, schools, families, universities and public events by Municipio or municipality, with the bodies involved and the resources committed.',
    homeTitle: 'Prevention',
    homeText: 'The network’s prevention activities by Municipio, with the resources committed.',
    listView: 'List',
    calendarView: 'Calendar',
    view: 'View',
    month: 'Month',
    previous: 'Previous month',
    next: 'Next month',
    caption: 'Activities from {from} to {to}',
    calendarCaption: 'Calendar of {month}',
    totalsCaption: 'Totals per quarter',
    period: 'Period',
    activities: 'Activities',
    participants: 'Participants',
    money: 'Euro committed',
    hours: 'Hours committed',
    activity: 'Activity',
    kind: 'Type',
    where: 'Where',
    municipio: 'Municipio {n}',
    dates: 'Dates',
    bodies: 'Bodies and resources',
    materials: 'Materials',
    audience: 'Audience',
    empty: 'No activity in the period.',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    kinds: labelsFor(PREVENTION_KINDS, {
      school_workshop: 'School workshop',
      teacher_training: 'Teacher training',
      family_meeting: 'Family meeting',
      university: 'University research or course',
      campaign: 'Communication campaign',
      public_event: 'Public event',
    }),
    audiences: labelsFor(PREVENTION_AUDIENCES, {
      students: 'Students',
      teachers: 'Teachers',
      families: 'Families',
      university: 'University',
      general_public: 'General public',
      professionals: 'Professionals',
    }),
    resourceKinds: labelsFor(PREVENTION_RESOURCE_KINDS, {
      involved: 'involved',
      money: 'euro',
      hours: 'hours',
    }),
  },
};
