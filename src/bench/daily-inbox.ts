import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { Inbox, type InboxBatch } from '../inbox/inbox.js';
import type { IngestSummary } from '../ingest/ingest.js';
import type { Library } from '../library.js';

/**
 * A daily update through the inbox, as a sync tool delivers it: the folder of files moved into the watched
 * inbox at once (a rename on the same file system), timed from then until its documents are searchable
 * (the inbox's run answered, before its files are moved to done/), and until its segments are merged.
 */
export async function dailyThroughInbox(
  library: Library,
  files: string,
  inboxDir: string,
): Promise<{ summary: IngestSummary; searchable: number; settledMs: number }> {
  const inbox = new Inbox(library, { dir: inboxDir });
  await inbox.start();
  // The inbox's poll timer does not hold a process open (a server's listener does): this run must.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    const taken = new Promise<InboxBatch>((resolve, reject) => {
      inbox.once('batch', resolve);
      inbox.on('status', (s: { lastError: string | null }) => {
        if (s.lastError !== null) reject(new Error(`inbox run failed: ${s.lastError}`));
      });
    });
    const started = performance.now();
    renameSync(files, join(inboxDir, 'daily'));
    const batch = await taken;
    await library.settle();
    return { summary: batch.summary, searchable: batch.searchableAt - started, settledMs: performance.now() - started };
  } finally {
    clearInterval(keepAlive);
    await inbox.stop();
  }
}
