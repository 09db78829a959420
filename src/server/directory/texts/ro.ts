import type { PublicTexts } from './types.ts';

export const ro: PublicTexts = {
  lang: 'ro',
  dir: 'ltr',
  name: 'Română',
  siteTitle: 'Ajutor împotriva violenței asupra femeilor — Milano și Pavia',
  skip: 'Mergi la conținut',
  exit: 'Ieși acum',
  exitHint: 'Ca să ieși repede, apasă Esc sau de trei ori tasta Shift.',
  alwaysTitle: 'Numere mereu active',
  call1522: 'Linie de ajutor pentru violență și hărțuire. Gratuit, zi și noapte, și în alte limbi.',
  call112: 'Urgențe. Sună dacă ești în pericol acum.',
  notice:
    'Acest site nu folosește cookie-uri și nu salvează nimic. Dar pagina rămâne în istoricul browserului. Dacă telefonul sau calculatorul este folosit și de alții, citește sfaturile.',
  noticeLink: 'Navigare în siguranță',
  nav: {
    home: 'Acasă',
    path: 'Cum funcționează un parcurs',
    safety: 'Navigare în siguranță',
    all: 'Toate comunele',
    data: 'Date deschise',
    languages: 'Limbi',
  },
  intro:
    'Pentru fiecare comună din zona Milano și Pavia găsești cine te poate ajuta: centrul antiviolență, centrul pentru ocuparea forței de muncă, serviciile sociale. Ajutorul este gratuit și confidențial.',
  searchLabel: 'Comuna ta',
  searchHint: 'Scrie primele litere, de exemplu „Sesto” sau „Cini”.',
  searchButton: 'Caută',
  results: '{n} comune pentru „{q}”',
  noResults: 'Nu am găsit nicio comună. Încearcă mai puține litere sau vezi lista tuturor comunelor.',
  allTitle: 'Toate comunele',
  inNetwork: '{town} face parte din această rețea antiviolență:',
  noNetwork:
    'Încă nu cunoaștem rețeaua acestei comune. Sună la 1522: te vor pune în legătură cu cel mai apropiat centru.',
  centresTitle: 'Centre antiviolență',
  centresIntro:
    'Un centru antiviolență te ascultă fără să te judece. Nu trebuie să faci plângere ca să ceri ajutor. Este gratuit și confidențial.',
  shelterAccess: 'Acest centru oferă acces la casele de adăpost. Adresele lor sunt secrete: se intră doar prin centru.',
  unverified: 'Programul și contactele nu sunt încă verificate.',
  phone: 'Telefon',
  email: 'E-mail',
  hours: 'Program',
  open24h: 'Mereu deschis, 24 de ore din 24',
  services: 'Ce oferă',
  languages: 'Limbi vorbite',
  accessibility: 'Accesibilitate',
  free: 'Gratuit',
  verifiedOn: 'Informații verificate la {date}',
  address: 'Adresă',
  cpiTitle: 'Centrul pentru ocuparea forței de muncă',
  cpiIntro:
    'Centrul pentru ocuparea forței de muncă (CPI) te ajută să găsești de lucru: orientare, cursuri, stagii. Lucrează împreună cu centrul antiviolență, dacă ești de acord.',
  socialTitle: 'Servicii sociale',
  socialText:
    'Serviciile sociale ale Comune di {town} te pot ajuta cu locuința, copiii și banii. Centrul antiviolență te poate însoți.',
  print: 'Tipărește fișa',
  printTitle: 'Pe cine să suni',
  printFoot: 'Fișă tipărită de pe site-ul rețelei antiviolență. Ajutor gratuit și confidențial.',
  servicesTitle: 'Servicii',
  whereTitle: 'Unde îl găsești',
  nowhere: 'Încă nicio organizație nu a publicat acest serviciu. Sună la 1522.',
  service: {
    listening: {
      name: 'Ascultare',
      text: 'O persoană te ascultă, față în față sau la telefon, și te ajută să vezi ce poți face.',
    },
    shelter_access: {
      name: 'Casă de adăpost',
      text: 'Un loc sigur unde să stai, singură sau cu copiii. Adresa este secretă. Se intră printr-un centru antiviolență.',
    },
    legal_advice: {
      name: 'Consiliere juridică',
      text: 'O avocată îți explică drepturile tale: separare, copii, plângere.',
    },
    psychological_support: { name: 'Sprijin psihologic', text: 'Discuții cu o psihologă, ca să te simți mai bine.' },
    children_support: { name: 'Ajutor pentru copii', text: 'Sprijin pentru copiii și tinerii care au trăit violența.' },
    social_support: { name: 'Servicii sociale', text: 'Ajutorul comunei pentru locuință, copii și bani.' },
    job_guidance: { name: 'Orientare profesională', text: 'Să afli ce știi să faci și ce muncă să cauți.' },
    training: { name: 'Cursuri de formare', text: 'Cursuri gratuite pentru o meserie sau pentru limba italiană.' },
    job_placement: { name: 'Stagii și loc de muncă', text: 'Stagii și ajutor ca să fii angajată.' },
    housing_support: { name: 'Locuință', text: 'Ajutor să găsești o casă și să trăiești pe cont propriu.' },
    health_care: {
      name: 'Îngrijire medicală',
      text: 'Urgențe și cabinete de planificare familială. Îngrijirea urgentă este garantată tuturor.',
    },
  },
  access: {
    step_free_access: 'Acces fără trepte',
    accessible_toilet: 'Toaletă accesibilă',
    sign_language: 'Limba semnelor italiană (LIS)',
    interpreter_on_request: 'Interpretă la cerere',
  },
  pathTitle: 'Cum funcționează un parcurs',
  pathSteps: [
    {
      title: 'Primul contact',
      text: 'Sună la 1522 sau la un centru antiviolență, ori mergi acolo. Poți rămâne anonimă. Nu trebuie să faci plângere.',
    },
    {
      title: 'Ascultarea',
      text: 'O consilieră te ascultă și evaluează riscurile împreună cu tine. Tu decizi ce faci și când.',
    },
    {
      title: 'Însoțirea',
      text: 'Dacă vrei, centrul face cu tine un plan: sprijin psihologic, consiliere juridică, ajutor pentru copii.',
    },
    {
      title: 'Protecția',
      text: 'Dacă acasă nu ești în siguranță, centrul îți poate găsi un loc într-o casă de adăpost.',
    },
    {
      title: 'Munca',
      text: 'Cu acordul tău, centrul lucrează cu centrul pentru ocuparea forței de muncă: orientare, cursuri, stagii, un loc de muncă.',
    },
    {
      title: 'Casa și independența',
      text: 'Serviciile sociale și rețeaua te ajută să găsești o casă și să trăiești independent.',
    },
    {
      title: 'Datele tale',
      text: 'Centrul nu dă datele tale nimănui fără acordul tău. Îl poți retrage oricând.',
    },
  ],
  safetyTitle: 'Navigare în siguranță',
  safetyTips: [
    'Acest site nu folosește cookie-uri și nu salvează nimic pe telefon. Nu trimite date altor site-uri.',
    'Dar browserul ține minte paginile vizitate în istoric. Îl poți șterge din setările browserului.',
    'Poți folosi navigarea privată (incognito): paginile nu rămân în istoric.',
    'Butonul „Ieși acum” deschide un site neutru. De la tastatură: Esc sau de trei ori Shift.',
    'Dacă cineva îți verifică telefonul, folosește telefonul unei persoane de încredere sau un calculator public.',
    'Apelul la 1522 este gratuit. Dar rămâne în lista de apeluri a telefonului: îl poți șterge.',
  ],
  dataTitle: 'Date deschise',
  dataText:
    'Lista este publicată și ca date deschise, în formatul Open Referral HSDS 3.0 (JSON) și în CSV. Adresele caselor de adăpost nu apar niciodată.',
  notFound: 'Pagina nu a fost găsită.',
};
