/** English text of the accessibility statement and of the privacy notice. */
import type { itLegal, LegalSection } from './it-legal.ts';

const accessibility: LegalSection[] = [
  {
    h: 'Commitment',
    p: [
      'The Metropolitan City of Milan, together with the bodies of the local anti-violence networks, is committed to making the Percorsi platform accessible, in accordance with Italian Law no. 4 of 9 January 2004 and Directive (EU) 2016/2102.',
      'This accessibility statement applies to the Percorsi web application (the reserved area for network operators and the public pages).',
    ],
  },
  {
    h: 'Compliance status',
    p: [
      'This application is partially compliant with the requirements of annex A to standard UNI CEI EN 301549 (which adopts WCAG 2.1, level AA), because of the non-compliances listed below.',
    ],
  },
  {
    h: 'Non-accessible content',
    p: ['The content listed below is not yet fully accessible, in breach of Law 4/2004:'],
    ul: [
      'testing with assistive technologies (screen readers and voice control) has not yet been completed on every page: there may be defects that automated checks do not detect;',
      'the codes of the data sources are shown as technical identifiers, without an extended description;',
      'setting up two-step verification shows a QR code; the text key to type in by hand is always given as an alternative.',
    ],
  },
  {
    h: 'Content outside the scope of the law',
    p: [
      'The websites of the organisations, linked from their profiles, are managed by each organisation and are outside the scope of this statement.',
    ],
  },
  {
    h: 'Preparation of this statement',
    p: [
      'This statement was prepared on the basis of a self-assessment by the development team, using automated testing tools (axe) and keyboard navigation tests. It is reviewed at every new version of the platform; the version in use is shown in the footer.',
    ],
  },
  {
    h: 'Feedback and contact information',
    p: [
      'To report accessibility problems or to ask for information and content in an accessible format, contact your organisation’s administrator, who forwards the report to the platform management team, or the Metropolitan City of Milan through the contacts of its Digital Transition Officer published on its institutional website.',
      'You will receive an answer within 30 days.',
    ],
    links: [
      { href: 'https://www.cittametropolitana.mi.it', text: 'Institutional website of the Metropolitan City of Milan' },
    ],
  },
  {
    h: 'Enforcement procedure',
    p: [
      'If the answer is unsatisfactory, or if you receive no answer within 30 days of your report, you can report the matter to the Agency for Digital Italy (AgID), under article 3-quinquies, paragraph 3, of Law 4/2004, using the form published by AgID.',
    ],
    links: [{ href: 'https://form.agid.gov.it', text: 'AgID reporting form' }],
  },
];

const privacy: LegalSection[] = [
  {
    h: 'Who processes the data (controllers)',
    p: [
      'Percorsi is the shared platform of the local anti-violence networks of the Milan metropolitan area and Pavia, set up under the memoranda of understanding between municipalities, the Metropolitan City, AFOL Metropolitana, ATS, anti-violence centres and other bodies.',
      'Each body of the network (anti-violence centre, lead municipality, employment centre, social services, training body and the other members) is an independent controller of the data it processes with the platform for its own tasks. For user accounts and security logs, the controller is the body the user belongs to. The technical operator of the platform processes data on behalf of the controllers, as a processor (art. 28 GDPR).',
    ],
  },
  {
    h: 'Which data',
    ul: [
      'operators’ data: name, username, email (if given), body, roles, date and time of sign-ins and operations;',
      'data on women’s exit paths: needs, goals, actions, referrals and outcomes, which may include special categories of data (art. 9 GDPR), such as data on health and on the violence suffered;',
      'organisational data of the networks: bodies, protocols, meetings, courses and aggregate indicators.',
    ],
  },
  {
    h: 'A woman’s identity stays with the anti-violence centre',
    p: [
      'Her name and the other data that identify her are known only to the anti-violence centre that supports her. Other bodies receive a pseudonym and only the information she agreed to share, for the purpose and for the time stated in her consent.',
      'Consent is given per purpose and per recipient, expires, and can be withdrawn at any time. Refusing or withdrawing consent never stops the support of the anti-violence centre.',
      'Published statistics are aggregated and never show counts small enough to identify a person.',
    ],
  },
  {
    h: 'Purposes',
    ul: [
      'managing operators’ accounts and keeping the platform secure;',
      'coordinating exit paths from violence: individual empowerment plans, referrals between bodies, outcomes and follow-ups over time;',
      'monitoring and evaluating the results of the protocols with aggregated and pseudonymous data;',
      'recording every access to data (a log that cannot be changed), so that controllers and their DPOs can check it.',
    ],
  },
  {
    h: 'Legal bases',
    ul: [
      'art. 6(1)(e) GDPR: performance of tasks carried out in the public interest and in the exercise of official authority, under the laws against violence against women and the memoranda of understanding;',
      'art. 6(1)(c) GDPR: legal obligations, including security of processing (art. 32 GDPR);',
      'art. 9(2)(g) GDPR and art. 2-sexies of the Italian Privacy Code: reasons of substantial public interest, for special categories of data;',
      'art. 9(2)(h) GDPR: social care, for social and health services;',
      'art. 9(2)(a) GDPR: the woman’s explicit consent to share her data with other bodies of the network.',
    ],
  },
  {
    h: 'Recipients',
    p: [
      'Data are never published. They are disclosed only to the bodies of the network named in the woman’s consent and, where the law requires it, to the competent authorities. Data are stored on servers located in the European Union and are not transferred outside it.',
    ],
  },
  {
    h: 'Retention',
    p: [
      'Exit-path data are kept by the anti-violence centre for as long as the path requires, and then according to the controller’s retention schedule. Data received by other bodies through a referral become inaccessible when the consent expires or is withdrawn. Disabled accounts and access logs are kept for the period set by the controllers for security and audit purposes, then deleted.',
    ],
  },
  {
    h: 'Cookies',
    p: [
      'The platform uses only technical cookies, needed to sign in (the verification step and the session), and the browser’s local storage to remember the chosen language. It uses no profiling cookies and no third-party services: fonts and images are served by the platform itself.',
    ],
  },
  {
    h: 'Your rights',
    p: [
      'You can ask for access to your data, rectification, erasure, restriction of processing, and object to processing (articles 15–22 GDPR), and you can withdraw consent at any time. Women supported by the networks can turn to the anti-violence centre that supports them, which handles the request with the other bodies too.',
      'You also have the right to lodge a complaint with the Italian Data Protection Authority (Garante per la protezione dei dati personali).',
    ],
    links: [{ href: 'https://www.garanteprivacy.it', text: 'Italian Data Protection Authority' }],
  },
  {
    h: 'Data protection officer (DPO)',
    p: [
      'Each controller has appointed its own data protection officer. Their contacts are published on each body’s institutional website, usually in the privacy section. Operators can ask their organisation’s administrator for the contacts.',
    ],
  },
];

export const enLegal: typeof itLegal = {
  legal: {
    accessibilityTitle: 'Accessibility statement',
    privacyTitle: 'Privacy notice',
    privacyIntro: 'Information under articles 13 and 14 of Regulation (EU) 2016/679 (GDPR).',
    externalLink: '(external website)',
    accessibility,
    privacy,
  },
};
