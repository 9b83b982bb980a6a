import type { Block, ContentBlock, PaidFacts, Piece } from './page.js';
import type { Rng } from './prng.js';
import type { PageContext, SiteTemplate } from './templates/template.js';

const HAN = /\p{Script=Han}/u;
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|[一二三四五六七八九十]是)/;

/** Offsets inside `text` where a span can be glued between two Chinese characters, away from the ends. */
function gluePoints(text: string, margin: number): number[] {
  const points: number[] = [];
  for (let i = margin; i <= text.length - margin; i++) {
    if (HAN.test(text[i - 1] ?? '') && HAN.test(text[i] ?? '')) points.push(i);
  }
  return points;
}

function content(text: string): ContentBlock {
  return { kind: 'content', pieces: [{ text, noise: false }] };
}

/** Glues `span` into a paragraph: at a short heading's end, else between two characters mid-sentence. */
function glue(block: ContentBlock, span: string, rng: Rng): boolean {
  const last = block.pieces[block.pieces.length - 1]!;
  const whole = block.pieces.map((p) => p.text).join('');
  if (HEADING.test(whole) && whole.length <= 40 && !last.noise && rng.chance(0.7)) {
    block.pieces.push({ text: span, noise: true });
    return true;
  }
  const candidates = block.pieces.flatMap((p, i) => (p.noise ? [] : gluePoints(p.text, 3).map((at) => [i, at])));
  if (candidates.length === 0) return false;
  const [i, at] = rng.pick(candidates) as [number, number];
  const p = block.pieces[i]!;
  const split: Piece[] = [
    { text: p.text.slice(0, at), noise: false },
    { text: span, noise: true },
    { text: p.text.slice(at), noise: false },
  ];
  block.pieces.splice(i, 1, ...split);
  return true;
}

/** Decides the paywall: a marker between paragraphs k-1 and k, or inside a sentence of paragraph k. */
function placePaywall(
  paragraphs: string[],
  blocks: Block[],
  template: SiteTemplate,
  rng: Rng,
): { paid: PaidFacts | null; markers: string[] } {
  const wall = template.paywall;
  const n = paragraphs.length;
  if (!wall || n < 4 || !rng.chance(wall.rate)) return { paid: null, markers: [] };
  const k = rng.int(Math.max(1, Math.ceil(n * 0.3)), Math.max(1, Math.floor(n * 0.7)));
  const marker = wall.marker(rng);
  const markers = [marker];
  let paid: PaidFacts;
  const points = gluePoints(paragraphs[k]!, 6);
  if (rng.chance(wall.insideRate) && points.length > 0) {
    const at = rng.pick(points);
    const text = paragraphs[k]!;
    blocks[k] = {
      kind: 'content',
      pieces: [
        { text: text.slice(0, at), noise: false },
        { text: marker, noise: true },
        { text: text.slice(at), noise: false },
      ],
    };
    paid = { lastFreeParagraph: text.slice(0, at), firstPaidParagraph: text.slice(at), markerInside: true };
  } else {
    blocks.splice(k, 0, { kind: 'chrome', zone: 'body', lines: [marker], noise: [marker] });
    paid = { lastFreeParagraph: paragraphs[k - 1]!, firstPaidParagraph: paragraphs[k]!, markerInside: false };
  }
  if (wall.endMarker) {
    const end = wall.endMarker(rng);
    markers.push(end);
    blocks.push({ kind: 'chrome', zone: 'body', lines: [end], noise: [end] });
  }
  return { paid, markers };
}

/**
 * The body as the site serves it: the fixture's paragraphs with the paywall, glued watermarks and chrome
 * blocks between paragraphs. The paid facts name the fixture's own text on either side of the marker.
 */
export function composeBody(
  paragraphs: string[],
  template: SiteTemplate,
  ctx: PageContext,
): { blocks: Block[]; paid: PaidFacts | null } {
  const { rng } = ctx;
  const blocks: Block[] = paragraphs.map(content);
  const { paid } = placePaywall(paragraphs, blocks, template, rng);
  const inside = template.inside;
  const count = rng.int(inside.count[0], inside.count[1]);
  const kinds = (inside.watermark ? 1 : 0) + (inside.blocks?.length ?? 0);
  for (let i = 0; i < Math.max(1, count) && kinds > 0; i++) {
    const which = rng.int(0, kinds - 1);
    const contents = blocks.filter((b): b is ContentBlock => b.kind === 'content');
    if (inside.watermark && which === 0) {
      const target = rng.pick(contents);
      if (glue(target, inside.watermark(rng), rng)) continue;
    }
    const makers = inside.blocks ?? [];
    if (makers.length === 0) continue;
    const make = makers[inside.watermark ? Math.max(0, which - 1) : which] ?? rng.pick(makers);
    // Between two paragraphs, never before the first: the title's neighbourhood belongs to the chrome above.
    blocks.splice(rng.int(1, Math.max(1, blocks.length - 1)), 0, make(ctx));
  }
  return { blocks, paid };
}
