/** What the case page hands to its tabs (react-router outlet context). */
import { useOutletContext } from 'react-router-dom';
import type { CaseAction } from '../../../shared/allowed-actions.ts';
import type { CaseDetail } from '../../cases/types.ts';

export interface CaseContext {
  c: CaseDetail;
  /** Replace the case with the server's answer to a write (it carries the new version). */
  setCase: (c: CaseDetail) => void;
  /** Read the case again (header counts after writes elsewhere, or after a conflict). */
  reload: () => void;
  /** Whether the server allows this action on the case now (the case's allowedActions). */
  may: (action: CaseAction) => boolean;
}

export const useCase = () => useOutletContext<CaseContext>();
