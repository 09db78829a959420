import type { PublicTexts } from './types.ts';

export const en: PublicTexts = {
  lang: 'en',
  dir: 'ltr',
  name: 'English',
  siteTitle: 'Help against violence towards women — Milan and Pavia',
  skip: 'Skip to content',
  exit: 'Leave now',
  exitHint: 'To leave quickly, press Esc, or press Shift three times.',
  alwaysTitle: 'Numbers that always answer',
  call1522: 'Helpline for violence and stalking. Free, day and night, also in other languages.',
  call112: 'Emergency. Call if you are in danger now.',
  notice:
    'This site uses no cookies and saves nothing. But the page stays in the browser history. If the phone or computer is shared, read the tips.',
  noticeLink: 'Browsing safely',
  nav: {
    home: 'Home',
    path: 'How a path works',
    safety: 'Browsing safely',
    all: 'All municipalities',
    data: 'Open data',
    languages: 'Languages',
  },
  intro:
    'For each municipality around Milan and Pavia, find who can help: the anti-violence centre, the employment centre, the social services. Help is free and confidential.',
  searchLabel: 'Your municipality',
  searchHint: 'Type the first letters, for example “Sesto” or “Cini”.',
  searchButton: 'Search',
  results: '{n} municipalities for “{q}”',
  noResults: 'No municipality found. Try fewer letters, or see the list of all municipalities.',
  allTitle: 'All municipalities',
  inNetwork: '{town} belongs to this anti-violence network:',
  noNetwork:
    'We do not know the network for this municipality yet. Call 1522: they will put you in touch with the nearest centre.',
  centresTitle: 'Anti-violence centres',
  centresIntro:
    'An anti-violence centre listens to you without judging. You do not have to report to the police to ask for help. It is free and confidential.',
  shelterAccess:
    'This centre gives access to shelters. Shelter addresses are secret: you enter only through the centre.',
  unverified: 'Hours and contacts not checked yet.',
  phone: 'Phone',
  email: 'E-mail',
  hours: 'Opening hours',
  open24h: 'Always open, 24 hours a day',
  services: 'What it offers',
  languages: 'Languages spoken',
  accessibility: 'Accessibility',
  free: 'Free of charge',
  verifiedOn: 'Information checked on {date}',
  address: 'Address',
  cpiTitle: 'Employment centre',
  cpiIntro:
    'The employment centre (CPI) helps you find work: guidance, courses, traineeships. It works with the anti-violence centre, if you agree.',
  socialTitle: 'Social services',
  socialText:
    'The social services of the Comune di {town} can help with housing, children and money. The anti-violence centre can go with you.',
  print: 'Print this card',
  printTitle: 'Who to call',
  printFoot: 'Card printed from the anti-violence network’s website. Help is free and confidential.',
  servicesTitle: 'Services',
  whereTitle: 'Where to find it',
  nowhere: 'No body has published this service yet. Call 1522.',
  service: {
    listening: {
      name: 'Listening',
      text: 'Someone listens to you, in person or by phone, and helps you see what to do.',
    },
    shelter_access: {
      name: 'Shelter',
      text: 'A safe place to stay, alone or with your children. The address is secret. You enter through an anti-violence centre.',
    },
    legal_advice: { name: 'Legal advice', text: 'A lawyer explains your rights: separation, children, reporting.' },
    psychological_support: { name: 'Psychological support', text: 'Talks with a psychologist, to feel better.' },
    children_support: {
      name: 'Help for children',
      text: 'Support for children and teenagers who lived through violence.',
    },
    social_support: { name: 'Social services', text: 'Help from the municipality with housing, children and money.' },
    job_guidance: { name: 'Job guidance', text: 'Find out what you can do and which job to look for.' },
    training: { name: 'Training courses', text: 'Free courses to learn a trade or the Italian language.' },
    job_placement: { name: 'Traineeships and work', text: 'Traineeships and help to be hired.' },
    housing_support: { name: 'Housing', text: 'Help to find a home and live on your own.' },
    health_care: {
      name: 'Health care',
      text: 'Emergency rooms and family clinics. Urgent care is guaranteed to everyone.',
    },
  },
  access: {
    step_free_access: 'Step-free access',
    accessible_toilet: 'Accessible toilet',
    sign_language: 'Italian Sign Language (LIS)',
    interpreter_on_request: 'Interpreter on request',
  },
  pathTitle: 'How a path works',
  pathSteps: [
    {
      title: 'First contact',
      text: 'Call 1522 or an anti-violence centre, or go there. You can stay anonymous. You do not have to report.',
    },
    {
      title: 'Listening',
      text: 'A counsellor listens and looks at the risks with you. You decide what to do and when.',
    },
    {
      title: 'Taking you in charge',
      text: 'If you wish, the centre plans a path with you: psychological support, legal advice, help for your children.',
    },
    { title: 'Protection', text: 'If you are not safe at home, the centre can find you a place in a shelter.' },
    {
      title: 'Work',
      text: 'With your consent, the centre works with the employment centre: guidance, courses, traineeships, a job.',
    },
    {
      title: 'Home and independence',
      text: 'Social services and the network help you find a home and live independently.',
    },
    {
      title: 'Your data',
      text: 'The centre passes your data to nobody without your consent. You can withdraw it at any time.',
    },
  ],
  safetyTitle: 'Browsing safely',
  safetyTips: [
    'This site uses no cookies and saves nothing on your phone. It sends no data to any other site.',
    'But the browser remembers visited pages in its history. You can delete it in the browser settings.',
    'You can use private browsing (incognito): the pages do not stay in the history.',
    'The “Leave now” button opens a neutral site. With the keyboard: Esc, or Shift three times.',
    'If someone checks your phone, use the phone of a person you trust or a public computer.',
    'A call to 1522 is free. But it stays in the phone’s call list: you can delete it.',
  ],
  dataTitle: 'Open data',
  dataText:
    'The list is also published as open data, in the Open Referral HSDS 3.0 format (JSON) and as CSV. Shelter addresses are never in it.',
  notFound: 'Page not found.',
};
