/**
 * A term's arrays the size of the library (see TermState), kept for the next search once a search is done:
 * a common term's search makes large ones, and collecting them under a busy load takes CPU that an ingest
 * beside it needs. Handed out with `here` all 0 and `best` all -1; `tf` and `entry` are read only where
 * `here` was set, so they are handed out as left.
 */
export interface DocArrays {
  tf: Float64Array;
  here: Uint8Array;
  best: Int32Array;
  entry: Int32Array;
}

/** Spare arrays kept (several searches may be under way at once, each holding one set a term). */
export const SPARE_KEPT = 8;

/** Library-sized arrays reused across searches: spare DocArrays, and the arrays counts write but never read. */
export class DocArrayPool {
  /** Library-sized arrays of finished searches (see DocArrays). */
  private readonly spareArrays: DocArrays[] = [];
  /**
   * What a count writes and never reads (its terms' frequencies and units to show), shared by counts: a
   * count then allocates one mask a term, not four arrays the size of the library. Also the mask of
   * excluded documents of a search without exclusions, never written.
   */
  unreadTf = new Float64Array(0);
  unreadBest = new Int32Array(0);
  private noneExcluded = new Uint8Array(0);

  /** A term's arrays the size of the library, spare ones first (see DocArrays). */
  take(nDocs: number): DocArrays {
    const spare = this.spareArrays.pop();
    if (spare === undefined || spare.here.length !== nDocs) {
      return {
        tf: new Float64Array(nDocs),
        here: new Uint8Array(nDocs),
        best: new Int32Array(nDocs).fill(-1),
        entry: new Int32Array(nDocs),
      };
    }
    spare.here.fill(0);
    spare.best.fill(-1);
    return spare;
  }

  /** Keeps a finished search's arrays for the next (those of the library's present size, up to SPARE_KEPT). */
  giveBack(taken: readonly DocArrays[], nDocs: number): void {
    for (const a of taken) {
      if (a.here.length === nDocs && this.spareArrays.length < SPARE_KEPT) this.spareArrays.push(a);
    }
  }

  /** Makes unreadTf and unreadBest hold at least `nDocs` values. */
  growUnread(nDocs: number): void {
    if (this.unreadTf.length >= nDocs) return;
    this.unreadTf = new Float64Array(nDocs);
    this.unreadBest = new Int32Array(nDocs);
  }

  /** The excluded-documents mask of a search without exclusions: all 0, at least `nDocs` long. */
  noExclusions(nDocs: number): Uint8Array {
    if (this.noneExcluded.length < nDocs) this.noneExcluded = new Uint8Array(nDocs);
    return this.noneExcluded;
  }
}
