import { normalizeText } from '../core/normalize.js';

/**
 * How the scorer compares text with what the pipeline kept: the project's search normalization (width, case,
 * traditional forms), spaces and zero-width characters dropped (indents and wrapping are layout, not content), paragraph breaks kept.
 */
export function squeeze(s: string): string {
  // Zero-width characters are invisible: a watermark stripped of them but left standing still survives.
  return normalizeText(s).replace(/[ \t\u3000\u00a0\u200b-\u200d\u2060\ufeff]/g, '');
}

/** As squeeze, paragraph breaks dropped too: for spans whose place, not paragraphing, is being checked. */
export function flatten(s: string): string {
  return squeeze(s).replace(/\n/g, '');
}

/** A sentence ends at 。！？； and takes the closing quotes and brackets that follow. */
const SENTENCE = /[^。！？；]+(?:[。！？；]+[”’」』）》〕】]*)?|[。！？；]+[”’」』）》〕】]*/g;

/** A paragraph's sentences, trimmed, those of fewer than two characters left out (a stray quote mark). */
export function sentencesOf(paragraph: string): string[] {
  return (paragraph.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => squeeze(s).length >= 2);
}
