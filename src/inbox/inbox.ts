import { EventEmitter } from 'node:events';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestProgress } from '../ingest/ingest.js';
import type { Library } from '../library.js';
import type { BatchOrigin } from '../storage/batches.js';
import { scanInbox, StableFiles } from './scan-inbox.js';
import type { ZipLimits } from './safe-unzip.js';
import { takeBatch, type BatchInput, type PlacedInput, type TakenBatch } from './take-batch.js';

/** What the 'batch' event carries: a run done, its files placed. */
export type InboxBatch = TakenBatch;

export interface InboxOptions {
  dir: string;
  /** How often the folder is looked at (default 500 ms). */
  pollMs?: number;
  /** Most files one run takes (the rest wait for the next). */
  maxFilesPerBatch?: number;
  zipLimits?: ZipLimits;
  /** Where errors go (the server's structured log). */
  log?: (line: Record<string, unknown>) => void;
}

/** An upload from the admin page, from its files' arrival to its run's report. */
export interface UploadJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  files: string[];
  filesDone: number;
  filesTotal: number;
  batchId: number | null;
  placed: PlacedInput[];
  error: string | null;
}

/** The run going on now. */
export interface RunningBatch {
  origin: BatchOrigin;
  files: number;
  filesDone: number;
  filesTotal: number;
  startedAt: string;
}

export interface InboxStatus {
  dir: string;
  watching: boolean;
  /** Files in the inbox not taken yet (being written, or waiting for the run going on). */
  waiting: number;
  running: RunningBatch | null;
  /** Why the last run failed (its files stay in the inbox and are tried again), null after one that did not. */
  lastError: string | null;
  uploads: UploadJob[];
}

const UPLOADS = '.uploads';
const STAGING = '.staging';
const JOBS_KEPT = 20;
/** After a failed run, the inbox waits this long before trying its files again. */
const RETRY_MS = 30_000;

/**
 * The daily feed: watches a folder (polling, so it works on any file system and in containers) and takes
 * what is dropped there into the library in runs through `library.ingest` (the warm ingest thread: searches
 * go on meanwhile), then moves each file to done/ or rejected/ (see takeBatch). Uploads from the admin page
 * are written under the inbox's .uploads/ and taken by the same runs, one at a time. Emits 'status'
 * (InboxStatus) as a run progresses and 'batch' (InboxBatch: its report's id, summary and placed files) after each.
 */
export class Inbox extends EventEmitter {
  private readonly stable = new StableFiles();
  private readonly jobs: UploadJob[] = [];
  private readonly queued: Array<{ job: UploadJob; inputs: BatchInput[] }> = [];
  private timer: NodeJS.Timeout | null = null;
  private running: RunningBatch | null = null;
  private current: Promise<void> = Promise.resolve();
  private waiting = 0;
  private lastError: string | null = null;
  private retryAt = 0;
  private runs = 0;
  private watching = false;

  constructor(
    private readonly library: Library,
    private readonly options: InboxOptions,
  ) {
    super();
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Creates the folders, picks up uploads a stopped process left, and starts looking. */
  async start(): Promise<void> {
    await mkdir(join(this.dir, UPLOADS), { recursive: true });
    await rm(join(this.dir, STAGING), { recursive: true, force: true });
    for (const id of (await readdir(join(this.dir, UPLOADS))).sort()) {
      const folder = join(this.dir, UPLOADS, id);
      const names = (await readdir(folder).catch(() => [])).filter((n) => !n.startsWith('.'));
      if (names.length === 0) {
        await rm(folder, { recursive: true, force: true });
        continue;
      }
      this.enqueue(
        id,
        names.map((name) => ({ path: join(folder, name), name })),
      );
    }
    this.watching = true;
    this.schedule(0);
  }

  /** Stops looking; resolves when the run going on has finished and its files are placed. */
  async stop(): Promise<void> {
    this.watching = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  status(): InboxStatus {
    return {
      dir: this.dir,
      watching: this.watching,
      waiting: this.waiting,
      running: this.running ? { ...this.running } : null,
      lastError: this.lastError,
      uploads: this.jobs.map((j) => ({ ...j })),
    };
  }

  job(id: string): UploadJob | undefined {
    const job = this.jobs.find((j) => j.id === id);
    return job ? { ...job } : undefined;
  }

  /**
   * Takes uploaded files: writes them under .uploads/ (so a restart still takes them), then queues them for
   * the next run. Names are reduced to a safe base name.
   */
  async upload(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<UploadJob> {
    const id = `${Date.now().toString(36)}-${(this.runs++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const folder = join(this.dir, UPLOADS, id);
    await mkdir(folder, { recursive: true });
    const inputs: BatchInput[] = [];
    const used = new Set<string>();
    for (const file of files) {
      let name = safeName(file.name);
      for (let n = 2; used.has(name); n++) name = name.replace(/(-\d+)?(\.[^.]*)?$/, `-${n}$2`);
      used.add(name);
      const path = join(folder, name);
      await writeFile(path, file.bytes);
      inputs.push({ path, name });
    }
    const job = this.enqueue(id, inputs);
    this.schedule(0);
    return { ...job };
  }

  /** Resolves once nothing is queued or running (tests; a shutdown uses stop). */
  async idle(): Promise<void> {
    while (this.watching && (this.running !== null || this.queued.length > 0)) await this.current.then(() => sleep(20));
  }

  private enqueue(id: string, inputs: BatchInput[]): UploadJob {
    const job: UploadJob = {
      id,
      state: 'queued',
      files: inputs.map((i) => i.name),
      filesDone: 0,
      filesTotal: inputs.length,
      batchId: null,
      placed: [],
      error: null,
    };
    this.jobs.unshift(job);
    if (this.jobs.length > JOBS_KEPT) this.jobs.length = JOBS_KEPT;
    this.queued.push({ job, inputs });
    return job;
  }

  private schedule(ms: number): void {
    if (!this.watching) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.current = this.tick().finally(() => this.schedule(this.options.pollMs ?? 500));
    }, ms);
    this.timer.unref();
  }

  /** One look: an upload waiting runs first; else the inbox's files that are ready. */
  private async tick(): Promise<void> {
    const upload = Date.now() < this.retryAt ? undefined : this.queued.shift();
    if (upload) {
      upload.job.state = 'running';
      await this.run('upload', upload.inputs, upload.job);
      return;
    }
    const seen = await scanInbox(this.dir);
    this.waiting = seen.length;
    const ready = this.stable.ready(seen);
    if (ready.length === 0 || Date.now() < this.retryAt) return;
    const taken = ready.slice(0, this.options.maxFilesPerBatch ?? 5000);
    await this.run('inbox', taken, null);
    this.stable.forget(taken.map((f) => f.path));
  }

  private async run(origin: BatchOrigin, inputs: readonly BatchInput[], job: UploadJob | null): Promise<void> {
    this.running = {
      origin,
      files: inputs.length,
      filesDone: 0,
      filesTotal: inputs.length,
      startedAt: new Date().toISOString(),
    };
    this.emit('status', this.status());
    const onProgress = (p: IngestProgress): void => {
      if (!this.running) return;
      this.running.filesDone = p.filesDone;
      this.running.filesTotal = p.filesTotal;
      if (job) Object.assign(job, { filesDone: p.filesDone, filesTotal: p.filesTotal });
      this.emit('status', this.status());
    };
    try {
      const taken = await takeBatch(inputs, {
        library: this.library,
        inboxDir: this.dir,
        stagingDir: join(this.dir, STAGING, String(this.runs++)),
        origin,
        onProgress,
        ...(this.options.zipLimits ? { zipLimits: this.options.zipLimits } : {}),
      });
      this.lastError = null;
      if (job)
        Object.assign(job, { state: 'done', batchId: taken.batchId, placed: taken.placed, filesDone: job.filesTotal });
      this.emit('batch', taken satisfies InboxBatch);
    } catch (error) {
      // The files stay where they are (nothing was moved): tried again after a pause.
      this.lastError = (error as Error).message;
      this.retryAt = Date.now() + RETRY_MS;
      this.options.log?.({ event: 'inbox-error', origin, error: this.lastError });
      if (job) {
        Object.assign(job, { state: 'queued', error: this.lastError });
        this.queued.push({ job, inputs: [...inputs] });
      }
    } finally {
      await rmdir(join(this.dir, STAGING)).catch(() => undefined);
      this.running = null;
      this.emit('status', this.status());
    }
  }
}

/** An uploaded file's name as stored: its base name, without control characters, not hidden, not too long. */
export function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const visible = base.replace(/^\.+/, '');
  const short = visible.length > 120 ? visible.slice(0, 100) + visible.slice(visible.lastIndexOf('.')) : visible;
  return short === '' ? 'upload.txt' : short;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
