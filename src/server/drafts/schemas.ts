import { type Static, Type } from '@sinclair/typebox';
import { DRAFT_FORMS } from '../../shared/codes/drafts.ts';
import { DateTime, Enum, Nullable as N, Obj, Uuid } from '../http/schema-kit.ts';

export const DraftParams = Obj({ form: Enum(DRAFT_FORMS) });
/** The case a form belongs to (none for the intake). */
export const DraftQuery = Obj({ caseId: Type.Optional(Uuid) });
/** What the form holds, as the form chose to keep it (sealed as a whole: the server never reads inside). */
export const DraftContent = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 40 });
export const DraftIn = Obj({ caseId: Type.Optional(N(Uuid)), content: DraftContent });
export const DraftSaved = Obj({ id: Type.String(), savedAt: DateTime, expiresAt: DateTime });
export const Draft = Obj({ id: Type.String(), savedAt: DateTime, expiresAt: DateTime, content: DraftContent });
export const DraftOut = Obj({ draft: N(Draft) });

export type DraftIn = Static<typeof DraftIn>;
export type DraftOut = Static<typeof DraftOut>;
