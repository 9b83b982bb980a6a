import { looksLikeHeading } from './headings.js';

/**
 * Headings without numbers (GUIDE: kind `lead`). Two forms: a short first sentence that heads each
 * paragraph of a parallel run ("以学铸魂转作风。把视察…", "——经济发展再上新台阶。国内生产总值…"), and a
 * short line standing alone with no punctuation, followed by a paragraph ("2024年工作回顾"), of which a
 * document has several. One such line or sentence alone is wording, not outline.
 */

/** The lead sentence: short, ending in 。(a ！ ends a salutation: 各位代表！), no colon, a body after it. */
const LEAD_SENTENCE = /^(?:——)?([^。！？!?：:；;]{4,32}?[。])(?=\S)/;
const MAX_LEAD = 24;
/** Leads that open with the same words (针对…，针对…) may run longer: the parallel form shows they are leads. */
const MAX_PARALLEL_LEAD = 32;
const MAX_COMMAS = 2;
const NARRATIVE = /[我你咱]|[，,]\s*(?:但|却)/;
/** A run this long is parallel anywhere; a run of two only when it fills a section. */
const MIN_RUN = 3;
const STANDALONE = /^[^\p{P}\s]{4,20}$/u;
const MIN_STANDALONE = 2;

/** The lead sentence a paragraph opens with, or null. */
export function leadSentence(text: string): string | null {
  if (looksLikeHeading(text)) return null;
  const m = LEAD_SENTENCE.exec(text);
  if (!m) return null;
  const sentence = m[0];
  if ((sentence.match(/[，,、]/g)?.length ?? 0) > MAX_COMMAS) return null;
  // A heading states; a writer telling of themselves narrates (回到村里，我打算从三件事做起。).
  if (NARRATIVE.test(sentence)) return null;
  // A lead heads a paragraph that goes on: the rest is longer than the lead itself.
  return text.length - sentence.length >= sentence.length ? sentence : null;
}

/** Standalone unnumbered heading line: a short phrase without punctuation, not the last line. */
function isStandaloneHeading(texts: readonly string[], i: number): boolean {
  const next = texts[i + 1];
  return STANDALONE.test(texts[i]!) && next !== undefined && !STANDALONE.test(next) && next.length > 20;
}

interface Lead {
  index: number;
  length: number;
  dashed: boolean;
}

/** True when a paragraph bounds a section: a numbered heading, or the edge of the document. */
function boundsSection(texts: readonly string[], i: number): boolean {
  return i < 0 || i >= texts.length || looksLikeHeading(texts[i]!);
}

/** The words a lead opens with, dashes aside: parallel leads share them (针对…，针对…). */
function opening(text: string): string {
  return text.replace(/^——/, '').slice(0, 2);
}

/** Candidate leads split into runs of consecutive paragraphs of one form (dashed or not). */
function candidateRuns(texts: readonly string[]): Lead[][] {
  const runs: Lead[][] = [];
  let run: Lead[] = [];
  texts.forEach((text, index) => {
    const sentence = leadSentence(text);
    const lead = sentence ? { index, length: sentence.length, dashed: sentence.startsWith('——') } : null;
    if (!lead || (run.length > 0 && run[0]!.dashed !== lead.dashed)) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (lead) run.push(lead);
  });
  if (run.length) runs.push(run);
  return runs;
}

const leadLength = (lead: Lead): number => lead.length - (lead.dashed ? 2 : 0);

/**
 * True when a lead is short, or longer in a run that is parallel as a whole: three or more neighbours
 * that open alike, or a run of three or more whose leads are mostly short.
 */
function qualifies(texts: readonly string[], run: readonly Lead[], k: number): boolean {
  const lead = run[k]!;
  const length = leadLength(lead);
  if (length <= MAX_LEAD) return true;
  if (length > MAX_PARALLEL_LEAD) return false;
  const short = run.filter((l) => leadLength(l) <= MAX_LEAD).length;
  if (run.length >= MIN_RUN && short * 3 >= run.length * 2) return true;
  const words = opening(texts[lead.index]!);
  let from = k;
  let to = k;
  while (from > 0 && opening(texts[run[from - 1]!.index]!) === words) from--;
  while (to < run.length - 1 && opening(texts[run[to + 1]!.index]!) === words) to++;
  return to - from + 1 >= MIN_RUN;
}

/** Runs of leads that qualify, split where one does not. */
function leadRuns(texts: readonly string[]): Lead[][] {
  const runs: Lead[][] = [];
  for (const run of candidateRuns(texts)) {
    let current: Lead[] = [];
    run.forEach((lead, k) => {
      if (qualifies(texts, run, k)) current.push(lead);
      else if (current.length) {
        runs.push(current);
        current = [];
      }
    });
    if (current.length) runs.push(current);
  }
  return runs;
}

/**
 * Indices of the paragraphs that are lead headings, with the length of their heading part (the lead
 * sentence, or the whole line for a standalone heading).
 */
export function findLeads(texts: readonly string[]): Map<number, number> {
  const leads = new Map<number, number>();
  for (const run of leadRuns(texts)) {
    const first = run[0]!.index;
    const last = run[run.length - 1]!.index;
    const fillsSection = boundsSection(texts, first - 1) && boundsSection(texts, last + 1);
    if (run.length >= MIN_RUN || (run.length === 2 && fillsSection)) for (const l of run) leads.set(l.index, l.length);
  }
  const standalone = texts.map((_, i) => i).filter((i) => isStandaloneHeading(texts, i));
  if (standalone.length >= MIN_STANDALONE) for (const i of standalone) leads.set(i, texts[i]!.length);
  return leads;
}
