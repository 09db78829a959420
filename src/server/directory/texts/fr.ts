import type { PublicTexts } from './types.ts';

export const fr: PublicTexts = {
  lang: 'fr',
  dir: 'ltr',
  name: 'Français',
  siteTitle: 'Aide contre les violences faites aux femmes — Milan et Pavie',
  skip: 'Aller au contenu',
  exit: 'Quitter vite',
  exitHint: 'Pour partir vite, appuyez sur Échap, ou trois fois sur Maj.',
  alwaysTitle: 'Numéros toujours ouverts',
  call1522: 'Numéro contre les violences et le harcèlement. Gratuit, jour et nuit, aussi dans d’autres langues.',
  call112: 'Urgence. Appelez si vous êtes en danger maintenant.',
  notice:
    'Ce site n’utilise pas de cookies et n’enregistre rien. Mais la page reste dans l’historique du navigateur. Si le téléphone ou l’ordinateur est partagé, lisez les conseils.',
  noticeLink: 'Naviguer en sécurité',
  nav: {
    home: 'Accueil',
    path: 'Comment se passe un parcours',
    safety: 'Naviguer en sécurité',
    all: 'Toutes les communes',
    data: 'Données ouvertes',
    languages: 'Langues',
  },
  intro:
    'Pour chaque commune autour de Milan et de Pavie, trouvez qui peut vous aider : le centre anti-violence, le centre pour l’emploi, les services sociaux. L’aide est gratuite et confidentielle.',
  searchLabel: 'Votre commune',
  searchHint: 'Écrivez les premières lettres, par exemple « Sesto » ou « Cini ».',
  searchButton: 'Chercher',
  results: '{n} communes pour « {q} »',
  noResults: 'Aucune commune trouvée. Essayez avec moins de lettres, ou regardez la liste de toutes les communes.',
  allTitle: 'Toutes les communes',
  inNetwork: '{town} fait partie de ce réseau anti-violence :',
  noNetwork:
    'Nous ne connaissons pas encore le réseau de cette commune. Appelez le 1522 : on vous mettra en contact avec le centre le plus proche.',
  centresTitle: 'Centres anti-violence',
  centresIntro:
    'Un centre anti-violence vous écoute sans juger. Vous n’êtes pas obligée de porter plainte pour demander de l’aide. C’est gratuit et confidentiel.',
  shelterAccess:
    'Ce centre donne accès aux maisons d’accueil protégées. Leurs adresses sont secrètes : on y entre seulement par le centre.',
  unverified: 'Horaires et contacts pas encore vérifiés.',
  phone: 'Téléphone',
  email: 'E-mail',
  hours: 'Horaires',
  open24h: 'Toujours ouvert, 24 heures sur 24',
  services: 'Ce qu’il propose',
  languages: 'Langues parlées',
  accessibility: 'Accessibilité',
  free: 'Gratuit',
  verifiedOn: 'Informations vérifiées le {date}',
  address: 'Adresse',
  cpiTitle: 'Centre pour l’emploi',
  cpiIntro:
    'Le centre pour l’emploi (CPI) aide à trouver un travail : orientation, formations, stages. Il travaille avec le centre anti-violence, si vous êtes d’accord.',
  socialTitle: 'Services sociaux',
  socialText:
    'Les services sociaux de la Comune di {town} peuvent vous aider pour le logement, les enfants et l’argent. Le centre anti-violence peut vous accompagner.',
  print: 'Imprimer la fiche',
  printTitle: 'Qui appeler',
  printFoot: 'Fiche imprimée depuis le site du réseau anti-violence. Aide gratuite et confidentielle.',
  servicesTitle: 'Services',
  whereTitle: 'Où le trouver',
  nowhere: 'Aucun organisme n’a encore publié ce service. Appelez le 1522.',
  service: {
    listening: {
      name: 'Écoute',
      text: 'Une personne vous écoute, sur place ou au téléphone, et vous aide à voir quoi faire.',
    },
    shelter_access: {
      name: 'Maison d’accueil protégée',
      text: 'Un lieu sûr où rester, seule ou avec vos enfants. L’adresse est secrète. On y entre par un centre anti-violence.',
    },
    legal_advice: {
      name: 'Conseil juridique',
      text: 'Une avocate vous explique vos droits : séparation, enfants, plainte.',
    },
    psychological_support: {
      name: 'Soutien psychologique',
      text: 'Des entretiens avec une psychologue, pour aller mieux.',
    },
    children_support: {
      name: 'Aide pour les enfants',
      text: 'Un soutien pour les enfants et les jeunes qui ont vécu la violence.',
    },
    social_support: {
      name: 'Services sociaux',
      text: 'L’aide de la commune pour le logement, les enfants et l’argent.',
    },
    job_guidance: {
      name: 'Orientation professionnelle',
      text: 'Savoir ce que vous savez faire et quel travail chercher.',
    },
    training: { name: 'Formations', text: 'Des cours gratuits pour apprendre un métier ou l’italien.' },
    job_placement: { name: 'Stages et emploi', text: 'Des stages et de l’aide pour être embauchée.' },
    housing_support: { name: 'Logement', text: 'De l’aide pour trouver un logement et vivre de façon autonome.' },
    health_care: {
      name: 'Soins',
      text: 'Urgences et centres de planning familial. Les soins urgents sont garantis à toutes.',
    },
  },
  access: {
    step_free_access: 'Accès sans marches',
    accessible_toilet: 'Toilettes accessibles',
    sign_language: 'Langue des signes italienne (LIS)',
    interpreter_on_request: 'Interprète sur demande',
  },
  pathTitle: 'Comment se passe un parcours',
  pathSteps: [
    {
      title: 'Le premier contact',
      text: 'Appelez le 1522 ou un centre anti-violence, ou allez-y. Vous pouvez rester anonyme. Vous n’êtes pas obligée de porter plainte.',
    },
    {
      title: 'L’écoute',
      text: 'Une intervenante vous écoute et évalue les risques avec vous. Vous décidez quoi faire et quand.',
    },
    {
      title: 'L’accompagnement',
      text: 'Si vous le voulez, le centre construit un parcours avec vous : soutien psychologique, conseil juridique, aide pour les enfants.',
    },
    {
      title: 'La protection',
      text: 'Si vous n’êtes pas en sécurité chez vous, le centre peut vous trouver une place dans une maison protégée.',
    },
    {
      title: 'Le travail',
      text: 'Avec votre accord, le centre travaille avec le centre pour l’emploi : orientation, formations, stages, un emploi.',
    },
    {
      title: 'Le logement et l’autonomie',
      text: 'Les services sociaux et le réseau aident à trouver un logement et à vivre de façon indépendante.',
    },
    {
      title: 'Vos données',
      text: 'Le centre ne donne vos données à personne sans votre accord. Vous pouvez le retirer à tout moment.',
    },
  ],
  safetyTitle: 'Naviguer en sécurité',
  safetyTips: [
    'Ce site n’utilise pas de cookies et n’enregistre rien sur votre téléphone. Il n’envoie aucune donnée à d’autres sites.',
    'Mais le navigateur garde les pages visitées dans l’historique. Vous pouvez l’effacer dans les réglages du navigateur.',
    'Vous pouvez utiliser la navigation privée : les pages ne restent pas dans l’historique.',
    'Le bouton « Quitter vite » ouvre un site neutre. Au clavier : Échap, ou trois fois Maj.',
    'Si quelqu’un contrôle votre téléphone, utilisez celui d’une personne de confiance ou un ordinateur public.',
    'L’appel au 1522 est gratuit. Mais il reste dans la liste des appels du téléphone : vous pouvez l’effacer.',
  ],
  dataTitle: 'Données ouvertes',
  dataText:
    'La liste est aussi publiée en données ouvertes, au format Open Referral HSDS 3.0 (JSON) et en CSV. Les adresses des maisons protégées n’y sont jamais.',
  notFound: 'Page introuvable.',
};
