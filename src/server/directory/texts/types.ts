import type { AccessibilityFeature, DirectoryService, PublicLanguage } from '../../../shared/codes/directory.ts';

/**
 * The fixed texts of the public pages, one file per language. Short sentences, no jargon;
 * organisations' names are never translated. `{x}` marks are filled by `fill()`.
 */
export interface PublicTexts {
  lang: PublicLanguage;
  dir: 'ltr' | 'rtl';
  /** the language's own name, for the language links */
  name: string;
  siteTitle: string;
  skip: string;
  exit: string;
  exitHint: string;
  alwaysTitle: string;
  call1522: string;
  call112: string;
  notice: string;
  noticeLink: string;
  nav: { home: string; path: string; safety: string; all: string; data: string; languages: string };
  intro: string;
  searchLabel: string;
  searchHint: string;
  searchButton: string;
  /** {n} results for “{q}” */
  results: string;
  noResults: string;
  allTitle: string;
  /** {town} belongs to the network: */
  inNetwork: string;
  noNetwork: string;
  centresTitle: string;
  centresIntro: string;
  shelterAccess: string;
  unverified: string;
  phone: string;
  email: string;
  hours: string;
  open24h: string;
  services: string;
  languages: string;
  accessibility: string;
  free: string;
  /** Checked on {date} */
  verifiedOn: string;
  address: string;
  cpiTitle: string;
  cpiIntro: string;
  socialTitle: string;
  /** {town} */
  socialText: string;
  print: string;
  printTitle: string;
  printFoot: string;
  servicesTitle: string;
  whereTitle: string;
  nowhere: string;
  service: Record<DirectoryService, { name: string; text: string }>;
  access: Record<AccessibilityFeature, string>;
  pathTitle: string;
  pathSteps: Array<{ title: string; text: string }>;
  safetyTitle: string;
  safetyTips: string[];
  dataTitle: string;
  dataText: string;
  notFound: string;
}
