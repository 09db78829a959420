import type { PublicTexts } from './types.ts';

export const es: PublicTexts = {
  lang: 'es',
  dir: 'ltr',
  name: 'Español',
  siteTitle: 'Ayuda contra la violencia hacia las mujeres — Milán y Pavía',
  skip: 'Ir al contenido',
  exit: 'Salir ya',
  exitHint: 'Para salir rápido, pulsa Esc, o tres veces la tecla Mayús.',
  alwaysTitle: 'Números siempre activos',
  call1522: 'Número contra la violencia y el acoso. Gratis, de día y de noche, también en otros idiomas.',
  call112: 'Emergencias. Llama si estás en peligro ahora.',
  notice:
    'Este sitio no usa cookies y no guarda nada. Pero la página queda en el historial del navegador. Si el teléfono o el ordenador es compartido, lee los consejos.',
  noticeLink: 'Navegar con seguridad',
  nav: {
    home: 'Inicio',
    path: 'Cómo funciona un itinerario',
    safety: 'Navegar con seguridad',
    all: 'Todos los municipios',
    data: 'Datos abiertos',
    languages: 'Idiomas',
  },
  intro:
    'Para cada municipio de la zona de Milán y Pavía, encuentra quién puede ayudarte: el centro antiviolencia, el centro de empleo, los servicios sociales. La ayuda es gratuita y confidencial.',
  searchLabel: 'Tu municipio',
  searchHint: 'Escribe las primeras letras, por ejemplo «Sesto» o «Cini».',
  searchButton: 'Buscar',
  results: '{n} municipios para «{q}»',
  noResults: 'No se encontró ningún municipio. Prueba con menos letras, o mira la lista de todos los municipios.',
  allTitle: 'Todos los municipios',
  inNetwork: '{town} forma parte de esta red antiviolencia:',
  noNetwork:
    'Todavía no conocemos la red de este municipio. Llama al 1522: te pondrán en contacto con el centro más cercano.',
  centresTitle: 'Centros antiviolencia',
  centresIntro:
    'Un centro antiviolencia te escucha sin juzgarte. No tienes que denunciar para pedir ayuda. Es gratis y confidencial.',
  shelterAccess:
    'Este centro da acceso a las casas de acogida. Sus direcciones son secretas: solo se entra a través del centro.',
  unverified: 'Horarios y contactos aún no verificados.',
  phone: 'Teléfono',
  email: 'Correo electrónico',
  hours: 'Horario',
  open24h: 'Siempre abierto, las 24 horas',
  services: 'Qué ofrece',
  languages: 'Idiomas que se hablan',
  accessibility: 'Accesibilidad',
  free: 'Gratis',
  verifiedOn: 'Información verificada el {date}',
  address: 'Dirección',
  cpiTitle: 'Centro de empleo',
  cpiIntro:
    'El centro de empleo (CPI) ayuda a encontrar trabajo: orientación, cursos, prácticas. Trabaja junto con el centro antiviolencia, si estás de acuerdo.',
  socialTitle: 'Servicios sociales',
  socialText:
    'Los servicios sociales del Comune di {town} pueden ayudarte con la vivienda, los hijos y el dinero. El centro antiviolencia puede acompañarte.',
  print: 'Imprimir la ficha',
  printTitle: 'A quién llamar',
  printFoot: 'Ficha impresa desde la web de la red antiviolencia. Ayuda gratuita y confidencial.',
  servicesTitle: 'Servicios',
  whereTitle: 'Dónde encontrarlo',
  nowhere: 'Ningún organismo ha publicado todavía este servicio. Llama al 1522.',
  service: {
    listening: {
      name: 'Escucha',
      text: 'Una persona te escucha, en persona o por teléfono, y te ayuda a ver qué hacer.',
    },
    shelter_access: {
      name: 'Casa de acogida',
      text: 'Un lugar seguro donde quedarte, sola o con tus hijos. La dirección es secreta. Se entra a través de un centro antiviolencia.',
    },
    legal_advice: { name: 'Asesoría legal', text: 'Una abogada te explica tus derechos: separación, hijos, denuncia.' },
    psychological_support: { name: 'Apoyo psicológico', text: 'Conversaciones con una psicóloga, para estar mejor.' },
    children_support: { name: 'Ayuda para los hijos', text: 'Apoyo para niños y jóvenes que han vivido la violencia.' },
    social_support: { name: 'Servicios sociales', text: 'Ayuda del municipio con la vivienda, los hijos y el dinero.' },
    job_guidance: { name: 'Orientación laboral', text: 'Saber qué sabes hacer y qué trabajo buscar.' },
    training: { name: 'Cursos de formación', text: 'Cursos gratuitos para aprender un oficio o el italiano.' },
    job_placement: { name: 'Prácticas y empleo', text: 'Prácticas y ayuda para que te contraten.' },
    housing_support: { name: 'Vivienda', text: 'Ayuda para encontrar una casa y vivir de forma autónoma.' },
    health_care: {
      name: 'Atención médica',
      text: 'Urgencias y centros de salud. La atención urgente está garantizada para todas.',
    },
  },
  access: {
    step_free_access: 'Acceso sin escalones',
    accessible_toilet: 'Baño accesible',
    sign_language: 'Lengua de signos italiana (LIS)',
    interpreter_on_request: 'Intérprete si lo pides',
  },
  pathTitle: 'Cómo funciona un itinerario',
  pathSteps: [
    {
      title: 'El primer contacto',
      text: 'Llama al 1522 o a un centro antiviolencia, o ve allí. Puedes quedarte en el anonimato. No tienes que denunciar.',
    },
    {
      title: 'La escucha',
      text: 'Una profesional te escucha y valora los riesgos contigo. Tú decides qué hacer y cuándo.',
    },
    {
      title: 'El acompañamiento',
      text: 'Si quieres, el centro prepara contigo un itinerario: apoyo psicológico, asesoría legal, ayuda para tus hijos.',
    },
    {
      title: 'La protección',
      text: 'Si en casa no estás segura, el centro puede buscarte un lugar en una casa de acogida.',
    },
    {
      title: 'El trabajo',
      text: 'Con tu consentimiento, el centro trabaja con el centro de empleo: orientación, cursos, prácticas, un trabajo.',
    },
    {
      title: 'La casa y la autonomía',
      text: 'Los servicios sociales y la red ayudan a encontrar casa y a vivir de forma independiente.',
    },
    {
      title: 'Tus datos',
      text: 'El centro no da tus datos a nadie sin tu consentimiento. Puedes retirarlo cuando quieras.',
    },
  ],
  safetyTitle: 'Navegar con seguridad',
  safetyTips: [
    'Este sitio no usa cookies y no guarda nada en tu teléfono. No envía datos a ningún otro sitio.',
    'Pero el navegador recuerda las páginas visitadas en el historial. Puedes borrarlo en los ajustes del navegador.',
    'Puedes usar la navegación privada (incógnito): las páginas no quedan en el historial.',
    'El botón «Salir ya» abre un sitio neutro. Con el teclado: Esc, o tres veces Mayús.',
    'Si alguien controla tu teléfono, usa el de una persona de confianza o un ordenador público.',
    'La llamada al 1522 es gratis. Pero queda en la lista de llamadas del teléfono: puedes borrarla.',
  ],
  dataTitle: 'Datos abiertos',
  dataText:
    'La lista se publica también como datos abiertos, en formato Open Referral HSDS 3.0 (JSON) y en CSV. Las direcciones de las casas de acogida nunca aparecen.',
  notFound: 'Página no encontrada.',
};
