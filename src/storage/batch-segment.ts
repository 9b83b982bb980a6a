import { documentUnits } from '../core/index/document-units.js';
import type { PackedSegment } from '../core/index/packed-segment.js';
import { buildPackedSegment } from '../core/index/segment-builder.js';
import type { PreparedFile } from './store.js';

/**
 * The index segment of a batch, built before the store knows which documents are new: every document of
 * every file in order, unit ids and slots from 0, document ordinals in place of ids. Parse workers build
 * it so the writing thread only places it; a store builds it itself when handed none.
 */
export function batchSegment(files: readonly PreparedFile[]): PackedSegment {
  const units = files.flatMap((f) => f.parsed.documents).flatMap((doc, ordinal) => documentUnits(ordinal, doc));
  return buildPackedSegment(units);
}
