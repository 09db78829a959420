import type { PrintLanguage } from '../../shared/codes/plans.ts';

/**
 * The shared catalogue's actions in the second languages the catalogue itself does not hold
 * (it has Italian and English). A centre's own actions print in Italian, and in English when
 * that is her language.
 */
const SHARED: Record<string, [fr: string, es: string, ar: string, uk: string]> = {
  orientation_interview: [
    'Entretien d’orientation',
    'Entrevista de orientación',
    'مقابلة توجيهية',
    'Співбесіда з профорієнтації',
  ],
  cpi_registration: [
    'Inscription au centre pour l’emploi (CPI) et accord de service',
    'Inscripción en el centro de empleo (CPI) y acuerdo de servicio',
    'التسجيل في مركز التوظيف وتوقيع اتفاقية الخدمة',
    'Реєстрація в центрі зайнятості (CPI) та угода про послуги',
  ],
  gol_pathway: ['Parcours GOL', 'Itinerario GOL', 'مسار برنامج GOL', 'Програма GOL'],
  course_enrolment: [
    'Inscription à une formation',
    'Inscripción en un curso',
    'التسجيل في دورة تدريبية',
    'Запис на курс',
  ],
  traineeship: ['Stage en entreprise', 'Prácticas en empresa', 'تدريب عملي في مؤسسة', 'Стажування'],
  job_search_support: [
    'Aide à la recherche d’emploi',
    'Apoyo en la búsqueda de empleo',
    'دعم البحث عن عمل',
    'Допомога в пошуку роботи',
  ],
  social_housing_application: [
    'Demande de logement social',
    'Solicitud de vivienda social',
    'طلب سكن اجتماعي',
    'Заява на соціальне житло',
  ],
  rent_support: ['Aide au loyer', 'Ayuda para el alquiler', 'دعم الإيجار', 'Допомога з оплатою оренди'],
  freedom_income_application: [
    'Demande du Reddito di Libertà (revenu de liberté)',
    'Solicitud del Reddito di Libertà (ingreso de libertad)',
    'طلب دخل الحرية',
    'Заява на Reddito di Libertà (дохід свободи)',
  ],
  bank_account: [
    'Ouverture d’un compte bancaire',
    'Apertura de una cuenta bancaria',
    'فتح حساب مصرفي',
    'Відкриття банківського рахунку',
  ],
  financial_literacy: ['Éducation financière', 'Educación financiera', 'التثقيف المالي', 'Фінансова грамотність'],
  childcare_place: [
    'Place en crèche ou service pour l’enfance',
    'Plaza en guardería o servicios para la infancia',
    'مكان في حضانة أو في خدمات رعاية الطفولة',
    'Місце в яслах або дитячому закладі',
  ],
  legal_aid: [
    'Conseil et assistance juridique',
    'Asesoramiento y asistencia jurídica',
    'استشارة ومساعدة قانونية',
    'Юридична консультація та допомога',
  ],
  violence_leave: [
    'Congé pour victimes de violence (art. 24 d.lgs. 80/2015)',
    'Permiso para víctimas de violencia (art. 24 d.lgs. 80/2015)',
    'إجازة لضحايا العنف، المادة 24 من المرسوم التشريعي 80/2015',
    'Відпустка для постраждалих від насильства (ст. 24 d.lgs. 80/2015)',
  ],
  italian_course: ['Cours d’italien', 'Curso de italiano', 'دورة في اللغة الإيطالية', 'Курс італійської мови'],
  digital_skills_course: [
    'Cours de compétences numériques',
    'Curso de competencias digitales',
    'دورة في المهارات الرقمية',
    'Курс цифрових навичок',
  ],
  psychological_support: ['Soutien psychologique', 'Apoyo psicológico', 'دعم نفسي', 'Психологічна підтримка'],
  health_services: [
    'Accompagnement vers les services de santé',
    'Acompañamiento a los servicios de salud',
    'المرافقة إلى الخدمات الصحية',
    'Супровід до медичних служб',
  ],
};

const INDEX = { fr: 0, es: 1, ar: 2, uk: 3 } as const;

/** The action's label in her second language, or null when there is none to print. */
export function actionLabel(code: string, lang: PrintLanguage, labelEn: string): string | null {
  if (lang === 'it') return null;
  if (lang === 'en') return labelEn;
  return SHARED[code]?.[INDEX[lang]] ?? null;
}

export const TRANSLATED_ACTION_CODES = Object.keys(SHARED);
