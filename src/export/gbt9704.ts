/**
 * The GB/T 9704-2012 page in Word's units: twips (1/20 pt, 1 mm ≈ 56.7) for lengths, half-points for type sizes.
 * Everything else in the .docx writer is derived from these numbers.
 */

export const PAGE = { width: 11906, height: 16838 } as const; // A4, 210 × 297 mm
export const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const; // 37, 35, 28, 26 mm

/** The type area (版心) the margins leave: 156 × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 号 sizes in half-points. */
export const SIZE = { hao2: 44, hao3: 32, hao4: 28 } as const;

/**
 * Exact line pitch: 22 lines fill the 225 mm type area (579 twips, 28.95 pt). The common 560 (28 pt)
 * leaves most of a line empty at the foot of every page.
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/**
 * 28 characters of 3号 (448 pt) are wider than the 442.2 pt type area, so every character is set a little
 * tighter: -0.25 pt (w:spacing, in twentieths of a point) gives an advance of 15.75 pt, 28 to a line with
 * 0.75 pt to spare. Word's character grid (docGrid linesAndChars, charSpace) would do the same in Word, but
 * LibreOffice 7.4 lays every character wider than a grid cell over two cells and halves the line.
 */
export const CHARACTER_SPACING = -5;
export const CHAR_ADVANCE = SIZE.hao3 * 10 + CHARACTER_SPACING;

/** One 字 (a character advance), the standard's unit of horizontal distance. */
export const ONE_CHAR = CHAR_ADVANCE;

/** The page number line: 4号, its top 7 mm below the type area; the footer distance measures to its foot. */
export const PAGE_NUMBER_LINE = 320;
export const FOOTER_DISTANCE = MARGIN.bottom - Math.round(7 * 56.7) - PAGE_NUMBER_LINE;

export interface FontSpec {
  /** The name Word and LibreOffice look up for Chinese characters (w:rFonts w:eastAsia). */
  eastAsia: string;
  /** Digits and Latin letters. */
  latin: string;
  /** A name commonly installed in its place, written into the font table as w:altName. */
  altName: string;
}

/**
 * The standard's faces by their Chinese names, as Word on Chinese Windows and fontconfig (LibreOffice)
 * both know them. Where one is missing, Word substitutes by the font table's altName, charset (GB2312)
 * and family; LibreOffice by fontconfig (Noto Serif/Sans CJK on Debian). Digits and Latin letters are
 * Times New Roman in text, as 公文 templates set them; page numbers are 宋体 (半角宋体阿拉伯数字).
 */
export const FONT = {
  xiaoBiaoSong: { eastAsia: '方正小标宋简体', latin: 'Times New Roman', altName: '方正小标宋_GBK' },
  fangSong: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman', altName: '仿宋' },
  heiTi: { eastAsia: '黑体', latin: 'Times New Roman', altName: 'SimHei' },
  kaiTi: { eastAsia: '楷体_GB2312', latin: 'Times New Roman', altName: '楷体' },
  songTi: { eastAsia: '宋体', latin: '宋体', altName: 'SimSun' },
} as const satisfies Record<string, FontSpec>;

/** What a heading level looks like: 1 黑体, 2 楷体, 3 仿宋 bold, 4 and deeper 仿宋; all 3号. */
export function headingFont(level: number): { font: FontSpec; bold: boolean } {
  if (level <= 1) return { font: FONT.heiTi, bold: false };
  if (level === 2) return { font: FONT.kaiTi, bold: false };
  return { font: FONT.fangSong, bold: level === 3 };
}
