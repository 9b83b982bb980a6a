import { createHash } from 'node:crypto';
import type { ParsedFile } from '../core/document.js';
import { prepareBatch, type RawFile } from '../ingest/prepare-batch.js';

/** A file to put through the pipeline, as a scrape would hand it over. */
export interface PipelineInput {
  path: string;
  bytes: Uint8Array;
}

/**
 * Runs files through the real pipeline as one batch (the batch is the unit of the repetition signal, so a
 * site's pages go in together) and hands back each file's parse by path; a rejected file maps to null.
 */
export async function runPipeline(files: readonly PipelineInput[]): Promise<Map<string, ParsedFile | null>> {
  const raw: RawFile[] = files.map((f) => ({
    path: f.path,
    bytes: f.bytes,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
  }));
  const batch = await prepareBatch(raw);
  const out = new Map<string, ParsedFile | null>(files.map((f) => [f.path, null]));
  for (const p of batch.prepared) out.set(p.source.path, p.parsed);
  return out;
}
