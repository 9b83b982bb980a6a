import { LRUCache } from 'lru-cache';
import { readerView, type Access, type ReaderView } from '../../core/access/reader-view.js';
import type { Library } from '../../library.js';
import type { DocumentSource, DocumentSummary } from '../../storage/store.js';

/** A source a document was found at, as a reader sees it: the file's name, the title and date it gave. */
export interface ReaderSource {
  name: string;
  title: string | null;
  publishedAt: string | null;
  near: boolean;
}

/** One document as the web gives it to a reader: the reader view and the facts of the library about it. */
export interface ReaderDocument {
  id: number;
  summary: Pick<DocumentSummary, 'compilation' | 'compilationId' | 'addedAt' | 'paid'>;
  view: ReaderView;
  sources: ReaderSource[];
}

/** A path's last part: where a file was found says nothing more a reader needs (and folders may be private). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

function readerSource(s: DocumentSource): ReaderSource {
  return { name: fileName(s.path), title: s.title, publishedAt: s.publishedAt, near: s.near };
}

/**
 * Documents as readers get them, cut by readerView before anything else sees them, and cached that way
 * (by access, id and library generation): the web layer never holds paid text for a reader without access.
 */
export class ReaderDocuments {
  private readonly cache = new LRUCache<string, ReaderDocument | 'missing'>({ max: 2000 });

  constructor(private readonly library: Library) {}

  async get(id: number, access: Access): Promise<ReaderDocument | null> {
    const key = `${this.library.generation}:${access}:${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached === 'missing' ? null : cached;
    const stored = await this.library.show(id);
    const doc: ReaderDocument | null =
      stored === null
        ? null
        : {
            id,
            summary: {
              compilation: stored.compilation,
              compilationId: stored.compilationId,
              addedAt: stored.addedAt,
              paid: stored.paid,
            },
            view: readerView(stored.parsed, access),
            sources: stored.sources.map(readerSource),
          };
    this.cache.set(key, doc ?? 'missing');
    return doc;
  }
}
