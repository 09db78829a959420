/** English texts of the urgency badges: same shape as it-urgency.ts. */
import type { itUrgency } from './it-urgency.ts';

export const enUrgency: typeof itUrgency = {
  urgency: {
    kinds: {
      high_risk: 'High risk',
      action_overdue: 'Action overdue',
      follow_up_due: 'Follow-up due',
      acknowledgement_overdue: 'Answer overdue',
      appointment_overdue: 'First appointment overdue',
    },
  },
};
