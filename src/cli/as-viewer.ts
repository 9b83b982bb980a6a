import { readerView, type Access } from '../core/access/reader-view.js';
import type { StoredDocument } from '../storage/store.js';

/**
 * A stored document as a reader with `access` gets it (`show --as USER`): its paragraphs cut by readerView,
 * the fields the paid part alone holds dropped, so every output format (human, --json, --outline) gives
 * what the web would give that reader and nothing more.
 */
export function documentAs(doc: StoredDocument, access: Access): StoredDocument {
  if (access === 'full') return doc;
  const view = readerView(doc.parsed, access);
  const shown = view.paragraphs.map((p) => ({ text: p.text, role: p.role, level: p.level }));
  const shownText = shown.map((p) => p.text).join('\n');
  return {
    ...doc,
    parsed: {
      ...doc.parsed,
      paragraphs: shown,
      subtitle: view.subtitle,
      signature: view.signature,
      signedAt: view.signedAt,
      source: view.source,
      author: view.author,
      // The boundary is where the text now ends: what follows is not here.
      freeChars: view.truncated ? shownText.length : null,
      placeholders: doc.parsed.placeholders.filter((p) => p.offset + p.text.length <= shownText.length),
      restorations: doc.parsed.restorations.filter((r) => r.offset < shownText.length),
      removed: [],
    },
  };
}
