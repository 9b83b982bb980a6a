import { contentText, type Block } from './page.js';
import type { TxtLayout } from './templates/template.js';

/** Cuts a line into chunks of `width` characters (by code point), as a page copied from a fixed-width view. */
function hardWrap(line: string, width: number): string[] {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Lays blocks out as a plain-text (or markdown) page, one block after another. */
export function renderTxt(blocks: readonly Block[], layout: TxtLayout): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'title') out.push(layout.markdown ? `# ${block.text}` : block.text);
    else if (block.kind === 'chrome') out.push(...block.lines);
    else {
      const line = layout.indent + contentText(block);
      out.push(...(layout.wrapAt ? hardWrap(line, layout.wrapAt) : [line]));
    }
    if (layout.blankLines) out.push('');
  }
  return out.join('\n') + '\n';
}
