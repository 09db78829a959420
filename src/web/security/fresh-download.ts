/**
 * Step-up (issue 12) before a download: a download cannot be retried after a 403, so a link that
 * leads to her identity or to a bulk export asks for a fresh second factor first, then clicks itself.
 */
import type { MouseEvent } from 'react';
import { api, askStepUp } from '../api.ts';

/** True when the session's second factor is fresh, or once she has given one in the dialog. */
async function ensureFreshFactor(): Promise<boolean> {
  try {
    const state = await api.get('/auth/step-up');
    return state.fresh || (await askStepUp());
  } catch {
    return false;
  }
}

/** onClick of a download link that needs a fresh second factor. */
export function freshFactorDownload(e: MouseEvent<HTMLAnchorElement>): void {
  const link = e.currentTarget;
  if (link.dataset.fresh === '1') {
    delete link.dataset.fresh;
    return;
  }
  e.preventDefault();
  void ensureFreshFactor().then((ok) => {
    if (!ok) return;
    link.dataset.fresh = '1';
    link.click();
  });
}
