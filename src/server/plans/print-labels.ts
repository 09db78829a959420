import type { Domain } from '../../shared/codes/needs.ts';
import type { PrintLanguage } from '../../shared/codes/plans.ts';

/**
 * The fixed labels of the printed plan, in Italian and in the second languages she may choose.
 * Arabic labels use Arabic letters, spaces, the Arabic comma and Western digits only: the
 * renderer lays them out right to left (see print-writer.ts).
 */
export interface PrintDictionary {
  labels: {
    title: string;
    subtitle: string;
    caseCode: string;
    planVersion: string;
    agreedVersion: string;
    agreedOn: string;
    howAgreed: string;
    notAgreed: string;
    printedOn: string;
    goals: string;
    goal: string;
    area: string;
    status: string;
    targetOn: string;
    actions: string;
    responsible: string;
    startsOn: string;
    dueOn: string;
    noGoals: string;
    noActions: string;
    confidential: string;
    help: string;
  };
  domains: Record<Domain, string>;
  goalStatus: Record<'open' | 'reached' | 'dropped', string>;
  actionStatus: Record<'planned' | 'in_progress' | 'done' | 'cancelled', string>;
  method: Record<'signed' | 'verbal', string>;
}

const it: PrintDictionary = {
  labels: {
    title: 'Il mio piano',
    subtitle: 'Piano individuale di empowerment',
    caseCode: 'Codice del percorso',
    planVersion: 'Versione del piano',
    agreedVersion: 'Versione concordata con me',
    agreedOn: 'Data dell’accordo',
    howAgreed: 'Modalità',
    notAgreed: 'Non ancora concordato',
    printedOn: 'Stampato il',
    goals: 'I miei obiettivi',
    goal: 'Obiettivo',
    area: 'Ambito',
    status: 'Stato',
    targetOn: 'Entro il',
    actions: 'Azioni',
    responsible: 'Ente responsabile',
    startsOn: 'Inizio',
    dueOn: 'Scadenza',
    noGoals: 'Il piano non ha ancora obiettivi.',
    noActions: 'Nessuna azione per ora.',
    confidential: 'Documento riservato: conservalo in un luogo sicuro.',
    help: 'In caso di pericolo chiama il 112 o il 1522: gratuito, 24 ore su 24, anche in altre lingue.',
  },
  domains: {
    work: 'Lavoro',
    training: 'Formazione',
    housing: 'Casa',
    economic_autonomy: 'Autonomia economica',
    childcare: 'Figli e conciliazione',
    legal: 'Questioni legali',
    wellbeing: 'Benessere',
  },
  goalStatus: { open: 'Aperto', reached: 'Raggiunto', dropped: 'Abbandonato' },
  actionStatus: { planned: 'Pianificata', in_progress: 'In corso', done: 'Completata', cancelled: 'Annullata' },
  method: { signed: 'firmato', verbal: 'a voce' },
};

const en: PrintDictionary = {
  labels: {
    title: 'My plan',
    subtitle: 'Individual empowerment plan',
    caseCode: 'Path code',
    planVersion: 'Plan version',
    agreedVersion: 'Version agreed with me',
    agreedOn: 'Date of agreement',
    howAgreed: 'How',
    notAgreed: 'Not agreed yet',
    printedOn: 'Printed on',
    goals: 'My goals',
    goal: 'Goal',
    area: 'Area',
    status: 'Status',
    targetOn: 'Target date',
    actions: 'Actions',
    responsible: 'Responsible body',
    startsOn: 'Start',
    dueOn: 'Due date',
    noGoals: 'The plan has no goals yet.',
    noActions: 'No actions yet.',
    confidential: 'Confidential: keep this document in a safe place.',
    help: 'If you are in danger call 112 or 1522: free, 24 hours a day, also in other languages.',
  },
  domains: {
    work: 'Work',
    training: 'Training',
    housing: 'Housing',
    economic_autonomy: 'Economic independence',
    childcare: 'Childcare and work-life balance',
    legal: 'Legal matters',
    wellbeing: 'Wellbeing',
  },
  goalStatus: { open: 'Open', reached: 'Reached', dropped: 'Dropped' },
  actionStatus: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  method: { signed: 'signed', verbal: 'verbally' },
};

const fr: PrintDictionary = {
  labels: {
    title: 'Mon plan',
    subtitle: 'Plan individuel d’autonomisation',
    caseCode: 'Code du parcours',
    planVersion: 'Version du plan',
    agreedVersion: 'Version convenue avec moi',
    agreedOn: 'Date de l’accord',
    howAgreed: 'Modalité',
    notAgreed: 'Pas encore convenu',
    printedOn: 'Imprimé le',
    goals: 'Mes objectifs',
    goal: 'Objectif',
    area: 'Domaine',
    status: 'Statut',
    targetOn: 'Échéance visée',
    actions: 'Actions',
    responsible: 'Organisme responsable',
    startsOn: 'Début',
    dueOn: 'Échéance',
    noGoals: 'Le plan n’a pas encore d’objectifs.',
    noActions: 'Aucune action pour l’instant.',
    confidential: 'Document confidentiel : conservez-le en lieu sûr.',
    help: 'En cas de danger, appelez le 112 ou le 1522 : gratuit, 24 heures sur 24, aussi dans d’autres langues.',
  },
  domains: {
    work: 'Travail',
    training: 'Formation',
    housing: 'Logement',
    economic_autonomy: 'Autonomie financière',
    childcare: 'Garde des enfants et conciliation',
    legal: 'Questions juridiques',
    wellbeing: 'Bien-être',
  },
  goalStatus: { open: 'En cours', reached: 'Atteint', dropped: 'Abandonné' },
  actionStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Terminée', cancelled: 'Annulée' },
  method: { signed: 'signé', verbal: 'oralement' },
};

const es: PrintDictionary = {
  labels: {
    title: 'Mi plan',
    subtitle: 'Plan individual de empoderamiento',
    caseCode: 'Código del itinerario',
    planVersion: 'Versión del plan',
    agreedVersion: 'Versión acordada conmigo',
    agreedOn: 'Fecha del acuerdo',
    howAgreed: 'Modalidad',
    notAgreed: 'Aún no acordado',
    printedOn: 'Impreso el',
    goals: 'Mis objetivos',
    goal: 'Objetivo',
    area: 'Ámbito',
    status: 'Estado',
    targetOn: 'Fecha prevista',
    actions: 'Acciones',
    responsible: 'Entidad responsable',
    startsOn: 'Inicio',
    dueOn: 'Fecha límite',
    noGoals: 'El plan todavía no tiene objetivos.',
    noActions: 'Ninguna acción por ahora.',
    confidential: 'Documento confidencial: guárdalo en un lugar seguro.',
    help: 'Si estás en peligro, llama al 112 o al 1522: gratuito, las 24 horas, también en otros idiomas.',
  },
  domains: {
    work: 'Trabajo',
    training: 'Formación',
    housing: 'Vivienda',
    economic_autonomy: 'Autonomía económica',
    childcare: 'Cuidado de los hijos y conciliación',
    legal: 'Asuntos legales',
    wellbeing: 'Bienestar',
  },
  goalStatus: { open: 'Abierto', reached: 'Alcanzado', dropped: 'Abandonado' },
  actionStatus: { planned: 'Prevista', in_progress: 'En curso', done: 'Completada', cancelled: 'Cancelada' },
  method: { signed: 'firmado', verbal: 'verbalmente' },
};

const ar: PrintDictionary = {
  labels: {
    title: 'خطتي',
    subtitle: 'خطة التمكين الفردية',
    caseCode: 'رمز المسار',
    planVersion: 'نسخة الخطة',
    agreedVersion: 'النسخة التي وافقت عليها',
    agreedOn: 'تاريخ الموافقة',
    howAgreed: 'طريقة الموافقة',
    notAgreed: 'لم تتم الموافقة بعد',
    printedOn: 'تاريخ الطباعة',
    goals: 'أهدافي',
    goal: 'الهدف',
    area: 'المجال',
    status: 'الحالة',
    targetOn: 'التاريخ المستهدف',
    actions: 'الإجراءات',
    responsible: 'الجهة المسؤولة',
    startsOn: 'البداية',
    dueOn: 'الموعد النهائي',
    noGoals: 'لا تتضمن الخطة أهدافا بعد',
    noActions: 'لا توجد إجراءات حاليا',
    confidential: 'وثيقة سرية، احتفظي بها في مكان آمن',
    help: 'في حالة الخطر اتصلي بالرقم 112 أو 1522، مجانا وعلى مدار الساعة وبلغات أخرى أيضا',
  },
  domains: {
    work: 'العمل',
    training: 'التدريب',
    housing: 'السكن',
    economic_autonomy: 'الاستقلال الاقتصادي',
    childcare: 'رعاية الأطفال والتوفيق بين العمل والأسرة',
    legal: 'المسائل القانونية',
    wellbeing: 'الرفاه',
  },
  goalStatus: { open: 'مفتوح', reached: 'تم تحقيقه', dropped: 'تم التخلي عنه' },
  actionStatus: { planned: 'مخطط لها', in_progress: 'قيد التنفيذ', done: 'مكتملة', cancelled: 'ملغاة' },
  method: { signed: 'بالتوقيع', verbal: 'شفهيا' },
};

const uk: PrintDictionary = {
  labels: {
    title: 'Мій план',
    subtitle: 'Індивідуальний план розвитку самостійності',
    caseCode: 'Код супроводу',
    planVersion: 'Версія плану',
    agreedVersion: 'Версія, погоджена зі мною',
    agreedOn: 'Дата погодження',
    howAgreed: 'Спосіб',
    notAgreed: 'Ще не погоджено',
    printedOn: 'Дата друку',
    goals: 'Мої цілі',
    goal: 'Ціль',
    area: 'Сфера',
    status: 'Статус',
    targetOn: 'Цільова дата',
    actions: 'Дії',
    responsible: 'Відповідальна організація',
    startsOn: 'Початок',
    dueOn: 'Термін',
    noGoals: 'План ще не має цілей.',
    noActions: 'Поки що немає дій.',
    confidential: 'Конфіденційний документ: зберігайте його в безпечному місці.',
    help: 'У разі небезпеки телефонуйте 112 або 1522: безкоштовно, цілодобово, також іншими мовами.',
  },
  domains: {
    work: 'Робота',
    training: 'Навчання',
    housing: 'Житло',
    economic_autonomy: 'Економічна незалежність',
    childcare: 'Догляд за дітьми та поєднання роботи й сім’ї',
    legal: 'Юридичні питання',
    wellbeing: 'Самопочуття',
  },
  goalStatus: { open: 'Відкрита', reached: 'Досягнута', dropped: 'Скасована' },
  actionStatus: { planned: 'Запланована', in_progress: 'Виконується', done: 'Виконана', cancelled: 'Скасована' },
  method: { signed: 'підписано', verbal: 'усно' },
};

export const DICTIONARIES: Record<PrintLanguage, PrintDictionary> = { it, en, fr, es, ar, uk };

/** Right-to-left languages among the second languages. */
export const RTL_LANGUAGES: ReadonlySet<PrintLanguage> = new Set(['ar']);
