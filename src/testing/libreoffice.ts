/**
 * LibreOffice and poppler for tests: .docx → PDF with headless soffice, then the page count and text.
 * Each call uses its own profile, so parallel test files do not fight over one.
 */
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0;
}

/**
 * Why these tests cannot run here, or null when they can. CI installs the tools, so there a missing one fails
 * the test instead of skipping it.
 */
export function missingPdfTools(): string | null {
  const missing = [
    runs('soffice', ['--version']) ? null : 'soffice (apt-get install libreoffice-writer)',
    runs('pdftotext', ['-v']) ? null : 'pdftotext and pdfinfo (apt-get install poppler-utils)',
  ].filter((m) => m !== null);
  if (missing.length === 0) return null;
  const why = `missing ${missing.join(', ')}`;
  if (process.env.CI) throw new Error(`${why}: CI must install them (.ci/run)`);
  return why;
}

/** Converts the files to PDF in one soffice run (its start-up is most of the time); returns the PDFs' paths. */
export function convertToPdf(files: string[], outDir: string, profileDir: string): string[] {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}${result.stdout}`);
  return files.map((f) => join(outDir, basename(f).replace(/\.docx$/, '.pdf')));
}

export function pdfPageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout)?.[1];
  if (info.status !== 0 || !pages) throw new Error(`pdfinfo ${pdf}: ${info.stderr}`);
  return Number(pages);
}

/** The PDF's text, one string per page, lines as laid out. */
export function pdfPages(pdf: string): string[] {
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (text.status !== 0) throw new Error(`pdftotext ${pdf}: ${text.stderr}`);
  return text.stdout.split('\f').slice(0, -1);
}
