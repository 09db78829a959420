/**
 * A document's type comes from its bytes (`file-type`'s magic numbers), never from its name or the
 * browser's Content-Type. Allowed: PDF, ODT, DOCX, PNG, JPEG. A name whose extension says another
 * allowed type than the bytes ("verbale.pdf" holding a PNG) is refused as disguised, and so is
 * anything `file-type` does not recognise or recognises as something else (HTML, an executable, a ZIP).
 */
import { DOCUMENT_MEDIA_TYPES, type DocumentMediaType, MAX_DOCUMENT_BYTES } from '../../shared/codes/control-room.ts';

const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};
/** The extension a download is named with. */
export const extensionOf = (type: DocumentMediaType): string => EXTENSIONS[type][0] as string;

export type Detected =
  | { ok: true; mediaType: DocumentMediaType }
  | { ok: false; reason: 'too_large' | 'too_short' | 'type_not_allowed' | 'type_mismatch' };

export async function detectDocumentType(bytes: Uint8Array, filename: string | null): Promise<Detected> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'too_short' };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too_large' };
  const { fileTypeFromBuffer } = await import('file-type'); // on the first upload, not at start
  const found = await fileTypeFromBuffer(bytes);
  const mediaType = DOCUMENT_MEDIA_TYPES.find((t) => t === found?.mime);
  if (!mediaType) return { ok: false, reason: 'type_not_allowed' };
  const ext = /\.([a-z0-9]{1,8})$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext !== undefined && !EXTENSIONS[mediaType].includes(ext)) return { ok: false, reason: 'type_mismatch' };
  return { ok: true, mediaType };
}
