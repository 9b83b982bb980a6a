/** A count of checks passed out of checks made; rows add them up. */
export interface Tally {
  right: number;
  total: number;
}

export const tally = (right = 0, total = 0): Tally => ({ right, total });

export function addTo(into: Tally, t: Tally): void {
  into.right += t.right;
  into.total += t.total;
}

/** One check: right or not. */
export const check = (ok: boolean): Tally => ({ right: ok ? 1 : 0, total: 1 });

/** Outline figures: precision is matched over parsed entries, recall matched over truth entries. */
export interface OutlineTally {
  matched: number;
  parsed: number;
  truth: number;
}

/** The columns of the report, summed over pages. */
export interface Figures {
  content: Tally;
  noise: Tally;
  title: Tally;
  genre: Tally;
  outline: OutlineTally;
  paid: Tally;
  subtitleSignature: Tally;
  metadata: Tally;
}

export function emptyFigures(): Figures {
  return {
    content: tally(),
    noise: tally(),
    title: tally(),
    genre: tally(),
    outline: { matched: 0, parsed: 0, truth: 0 },
    paid: tally(),
    subtitleSignature: tally(),
    metadata: tally(),
  };
}

export function addFigures(into: Figures, f: Figures): void {
  addTo(into.content, f.content);
  addTo(into.noise, f.noise);
  addTo(into.title, f.title);
  addTo(into.genre, f.genre);
  into.outline.matched += f.outline.matched;
  into.outline.parsed += f.outline.parsed;
  into.outline.truth += f.outline.truth;
  addTo(into.paid, f.paid);
  addTo(into.subtitleSignature, f.subtitleSignature);
  addTo(into.metadata, f.metadata);
}

/** A share in [0, 1], or null when nothing was checked. */
export const share = (right: number, total: number): number | null => (total === 0 ? null : right / total);
