import type { DraftForm } from '../../shared/codes/drafts.ts';
import { openWith, sealWith } from '../cases/keys.ts';

/**
 * A draft is sealed with the centre's data key like her identity, its associated data binding it
 * to its author, form and case: a sealed draft copied to another user's or case's row does not open.
 */
export const draftContext = (userId: string, form: DraftForm, caseId: string | null) =>
  `draft:${userId}:${form}:${caseId ?? '-'}`;

export const sealDraft = (key: Buffer, context: string, content: unknown) =>
  sealWith(key, JSON.stringify(content), context);

export const openDraft = (key: Buffer, context: string, sealed: string): Record<string, unknown> =>
  JSON.parse(openWith(key, sealed, context)) as Record<string, unknown>;
