import { parentPort, workerData } from 'node:worker_threads';
import { adoptNormalizationTable } from '../core/normalize.js';
import { prepareBatch, type RawFile } from './prepare-batch.js';

/** Worker thread body: prepares batches sent by the parse pool. */
adoptNormalizationTable((workerData as { normalization?: unknown } | null)?.normalization);
parentPort?.on('message', (message: { id: number; files: RawFile[] }) => {
  prepareBatch(message.files).then(
    (result) => {
      // Hand the segment's buffers over instead of copying them.
      const s = result.segment;
      const transfer = s
        ? [
            s.unitDoc,
            s.unitMeta,
            s.unitPaidFrom,
            s.unitLength,
            s.slotUnitLo,
            s.grams,
            s.units,
            s.lastUnits,
            s.offsets,
            s.data,
          ].map((a) => a.buffer as ArrayBuffer)
        : [];
      parentPort!.postMessage({ id: message.id, result }, transfer);
    },
    (error: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
