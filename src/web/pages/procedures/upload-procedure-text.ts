/** A procedure's text is a document of kind "procedure" of its protocol, uploaded first. */
import type { DocumentMeta } from '../../../server/control-room/schemas.ts';
import { postForm } from '../../api.ts';

export function uploadProcedureText(protocolId: string, title: string, file: File): Promise<DocumentMeta> {
  const body = new FormData();
  body.append('kind', 'procedure');
  body.append('title', title);
  body.append('file', file, file.name);
  return postForm<DocumentMeta>(`/control-room/${encodeURIComponent(protocolId)}/documents`, body);
}
