/** Italian texts of the urgency badges (shared/codes/urgency.ts). */
import { URGENCY_KINDS } from '../../shared/codes/urgency.ts';
import { labelsFor } from './code-labels.ts';

export const itUrgency = {
  urgency: {
    kinds: labelsFor(URGENCY_KINDS, {
      high_risk: 'Rischio alto',
      action_overdue: 'Azione scaduta',
      follow_up_due: 'Verifica da fare',
      acknowledgement_overdue: 'Risposta oltre il termine',
      appointment_overdue: 'Primo appuntamento oltre il termine',
    }),
  },
};
