/**
 * Two touches the `docx` package has no option for, made on the finished package (in memory):
 *
 * - The font table it leaves empty. Stock Windows has 仿宋 and 楷体 but not 仿宋_GB2312 or 楷体_GB2312, and
 *   few machines have 方正小标宋简体: without an entry Word substitutes its default (宋体 or 等线) for each.
 *   An entry with w:altName, the GB2312 charset and a family lets Word pick 仿宋 for 仿宋_GB2312 and so on;
 *   LibreOffice substitutes through fontconfig either way (Noto Serif/Sans CJK on Debian).
 * - The title off the line grid (w:snapToGrid 0 on the Title style). Word keeps a 2号 line to its exact
 *   28.95 pt; LibreOffice gives a line two grid lines when the font's own line height is taller than one,
 *   as a substituted 2号 face is.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FONT } from './gbt9704.js';

const FONT_TABLE = 'word/fontTable.xml';
const STYLES = 'word/styles.xml';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fontEntries(): string {
  const chinese = Object.values(FONT).map(
    (f) =>
      `<w:font w:name="${escapeXml(f.eastAsia)}"><w:altName w:val="${escapeXml(f.altName)}"/>` +
      '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
  );
  const latin =
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>' +
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';
  return [...chinese, latin].join('');
}

function fillFontTable(xml: string): string {
  const trimmed = xml.trimEnd();
  if (trimmed.endsWith('</w:fonts>')) return trimmed.replace('</w:fonts>', `${fontEntries()}</w:fonts>`);
  return trimmed.replace(/\/>$/, `>${fontEntries()}</w:fonts>`);
}

/** w:snapToGrid comes before w:spacing in a w:pPr (the schema's order, which Word enforces). */
function titleOffGrid(xml: string, titleStyleId: string): string {
  const start = xml.indexOf(`w:styleId="${titleStyleId}"`);
  if (start < 0) throw new Error(`styles.xml has no ${titleStyleId} style`);
  const end = xml.indexOf('</w:style>', start);
  const style = xml.slice(start, end);
  if (!style.includes('<w:spacing ')) throw new Error(`the ${titleStyleId} style has no spacing to anchor on`);
  return xml.slice(0, start) + style.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing ') + xml.slice(end);
}

/** The package with its font table filled in and the title off the grid; every other part as it was. */
export function finishPackage(docx: Uint8Array, titleStyleId: string): Uint8Array {
  const files = unzipSync(docx);
  const fonts = files[FONT_TABLE];
  const styles = files[STYLES];
  if (!fonts || !styles) throw new Error('the docx package lacks its font table or styles');
  files[FONT_TABLE] = strToU8(fillFontTable(strFromU8(fonts)));
  files[STYLES] = strToU8(titleOffGrid(strFromU8(styles), titleStyleId));
  return zipSync(files, { level: 6 });
}
