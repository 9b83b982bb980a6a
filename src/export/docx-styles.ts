/**
 * The .docx's styles and page: GB/T 9704 as Word styles. Headings use Word's built-in heading styles
 * (Heading1…6, keyed by name), so the navigation pane, the outline view and a table of contents work
 * in the downloaded file.
 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IBaseParagraphStyleOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import {
  CHARACTER_SPACING,
  FONT,
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  ONE_CHAR,
  PAGE,
  PAGE_NUMBER_LINE,
  SIZE,
  headingFont,
  type FontSpec,
} from './gbt9704.js';

/** Style ids the writer puts on paragraphs (Word's built-in names where one fits). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  signature: 'Signature',
  date: 'Date',
  membersNote: 'MembersNote',
  heading: (level: number) => `Heading${Math.min(Math.max(level, 1), 6)}`,
} as const;

/**
 * Run fonts with the Chinese face named for East Asian text, and hint="eastAsia" so characters Word counts as
 * ambiguous (“ ” — …) take the Chinese face too rather than Times New Roman's narrow forms.
 */
export function runFont(font: FontSpec): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: string } {
  return { ascii: font.latin, hAnsi: font.latin, eastAsia: font.eastAsia, cs: font.eastAsia, hint: 'eastAsia' };
}

/** Exact line pitch and no space between paragraphs: every line sits on the 22-line grid. */
const ON_GRID = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/**
 * Two characters of first-line indent, in twips of two character advances so the first line's characters stand
 * in the same columns as the others'. Not firstLineChars: LibreOffice drops it without a character grid.
 */
export const TWO_CHAR_INDENT = { firstLine: 2 * ONE_CHAR } as const;

/** Centred and right-aligned paragraphs must zero the inherited first-line indent, or they sit off centre. */
const NO_INDENT = { firstLine: 0 } as const;

/** 3号 text is set 0.25 pt tight, 28 characters to the line; other sizes keep their natural advance. */
function textStyle(font: FontSpec, size: number, bold = false): IBaseParagraphStyleOptions['run'] {
  const characterSpacing = size === SIZE.hao3 ? CHARACTER_SPACING : 0;
  return {
    font: runFont(font),
    size,
    sizeComplexScript: size,
    bold,
    boldComplexScript: bold,
    color: '000000',
    characterSpacing,
  };
}

function headingStyle(level: number): IBaseParagraphStyleOptions {
  const { font, bold } = headingFont(level);
  return {
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: textStyle(font, SIZE.hao3, bold),
    paragraph: { spacing: ON_GRID, indent: TWO_CHAR_INDENT, keepNext: true, outlineLevel: level - 1 },
  };
}

const CENTRED = { alignment: AlignmentType.CENTER, spacing: ON_GRID, indent: NO_INDENT } as const;

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { ...textStyle(FONT.fangSong, SIZE.hao3), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
        paragraph: { spacing: ON_GRID, indent: TWO_CHAR_INDENT, alignment: AlignmentType.JUSTIFIED },
      },
      title: {
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: textStyle(FONT.xiaoBiaoSong, SIZE.hao2),
        paragraph: { ...CENTRED, keepNext: true },
      },
      heading1: headingStyle(1),
      heading2: headingStyle(2),
      heading3: headingStyle(3),
      heading4: headingStyle(4),
      heading5: headingStyle(5),
      heading6: headingStyle(6),
    },
    paragraphStyles: [
      {
        // Normal carries the body face and size itself, not only the document defaults: LibreOffice sizes
        // the character grid from the Normal (Standard) style's East Asian font size.
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: textStyle(FONT.fangSong, SIZE.hao3),
        paragraph: { spacing: ON_GRID, indent: TWO_CHAR_INDENT, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: textStyle(FONT.kaiTi, SIZE.hao3),
        paragraph: { ...CENTRED, keepNext: true },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        run: textStyle(FONT.fangSong, SIZE.hao3),
        paragraph: { alignment: AlignmentType.RIGHT, spacing: ON_GRID, indent: NO_INDENT, keepNext: true },
      },
      {
        id: STYLE.date,
        name: 'Date',
        basedOn: 'Normal',
        run: textStyle(FONT.fangSong, SIZE.hao3),
        paragraph: { alignment: AlignmentType.RIGHT, spacing: ON_GRID, indent: NO_INDENT },
      },
      {
        id: STYLE.membersNote,
        name: '会员提示',
        basedOn: 'Normal',
        run: textStyle(FONT.kaiTi, SIZE.hao3),
        paragraph: CENTRED,
      },
    ],
  };
}

/**
 * The page number: 4号 宋体 digits between em dashes, one character in from the edge of the type area, on the
 * right of odd pages and the left of even ones (GB/T 9704 7.5). A PAGE field in the run, so it takes the run's font.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: runFont(FONT.songTi),
    size: SIZE.hao4,
    sizeComplexScript: SIZE.hao4,
  });
  const paragraph = new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { ...NO_INDENT, right: ONE_CHAR } : { ...NO_INDENT, left: ONE_CHAR },
    spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run],
  });
  return new Footer({ children: [paragraph] });
}

export function sectionLayout(): Pick<Required<ISectionPropertiesOptions>, 'page' | 'grid'> {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
      margin: { ...MARGIN, header: 851, footer: FOOTER_DISTANCE, gutter: 0 },
    },
    // A line grid of 22 lines: what Word's page setup shows, and what new paragraphs a writer adds fall on.
    grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
  };
}

export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}
