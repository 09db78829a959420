/** What the case page hands to its tabs (react-router outlet context). */
import { useOutletContext } from 'react-router-dom';
import type { CaseDetail } from '../../cases/types.ts';

export interface CaseContext {
  c: CaseDetail;
  /** Replace the case with the server's answer to a write (it carries the new version). */
  setCase: (c: CaseDetail) => void;
  /** Read the case again (header counts after writes elsewhere, or after a conflict). */
  reload: () => void;
  /** The user may change cases (a centre operator; the DPO only reads). */
  canWrite: boolean;
  /** canWrite and the case is open (a closed case takes no changes but reopening). */
  editable: boolean;
}

export const useCase = () => useOutletContext<CaseContext>();
