import { parentPort } from 'node:worker_threads';
import { prepareBatch, type RawFile } from './prepare-batch.js';

/** Worker thread body: prepares batches sent by the parse pool. */
parentPort?.on('message', (message: { id: number; files: RawFile[] }) => {
  prepareBatch(message.files).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
