import { documentUnits } from '../core/index/document-units.js';
import { packSegment, type PackedSegment } from '../core/index/packed-segment.js';
import { buildSegment } from '../core/index/segment-builder.js';
import type { PreparedFile } from './store.js';

/**
 * The index segment of a batch, built before the store knows which documents are new: every document of
 * every file in order, unit ids from 0, document ordinals in place of ids. Parse workers build it so the
 * writing thread only places it; a store builds it itself when handed none.
 */
export function batchSegment(files: readonly PreparedFile[]): PackedSegment {
  const units = files.flatMap((f) => f.parsed.documents).flatMap((doc, ordinal) => documentUnits(ordinal, doc));
  return packSegment(buildSegment(units, 0, { paddedFirstGap: true }));
}
