// The lasting archive (--archive DIR): every checked form's record and report, filed
// by year, form kind and entity, never overwritten, plus an index the tool can always
// rebuild from the entries' own JSON files.
//
//   DIR/<年度>/<部门整体|项目>/<entity key>/<sha256[0:16]>[#n]/entry.json, record.json, report.json
//   DIR/index.jsonl   one entry per line (its folder added): a cache, rebuilt when missing or torn
//   DIR/.lock         while a writer adds an entry (lock.ts)
//
// An entry's folder appears whole (written aside, then renamed); the index line is
// appended after, under the lock. The time of the check is in entry.json and the
// index only — never in a record or a report. Order of arrival is `seq` (assigned
// under the lock), so submissions are ordered even when two arrive in one millisecond.
import { appendFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, closeSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { lazySchema } from '../lazy-zod.js';
import { FORM_KINDS, type FormKind } from '../model/record-constants.js';
import { FORM_NAMES } from '../model/names.js';
import { sanitizeSegment } from '../report/output-paths.js';
import { entityKey } from './entity-key.js';
import { withArchiveLock } from './lock.js';

export const ENTRY_SCHEMA_ID = 'jxaudit/archive-entry@1';
export const INDEX_NAME = 'index.jsonl';
const TEMP_PREFIX = '.incoming-';

/** An entry.json (built on first use: lazy-zod.ts). */
export const EntrySchema = lazySchema((z) =>
  z
    .object({
      schema: z.literal(ENTRY_SCHEMA_ID),
      /** Order of arrival in this archive (1, 2, …). */
      seq: z.number().int().positive(),
      sha256: z.string(),
      formIndex: z.number().int().nonnegative(),
      form: z.enum(FORM_KINDS),
      year: z.number().int().nullable(),
      /** As the form printed it. */
      entity: z.string().nullable(),
      /** What it is matched by (entity-key.ts); null: never matched. */
      entityKey: z.string().nullable(),
      /** The file's path as the run that archived it named it. */
      path: z.string(),
      status: z.enum(['ok', 'discrepancies']),
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
      /** When it was checked: local time with its offset, to the millisecond. */
      checkedAt: z.string(),
    })
    .strict(),
);
export type ArchiveEntry = z.infer<ReturnType<typeof EntrySchema>>;

/** An entry with the folder it lives in (relative to DIR, forward slashes). */
export type IndexedEntry = ArchiveEntry & { dir: string };

/** What a new entry says of itself; seq, entityKey and the time are added when it is filed. */
export type NewEntry = Omit<ArchiveEntry, 'schema' | 'seq' | 'entityKey' | 'checkedAt'>;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Local time with its offset, to the millisecond ("2026-12-05T20:31:02.123+08:00"). */
export function checkTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const t = new Date(date.getTime() + offset * 60_000);
  const abs = Math.abs(offset);
  return (
    `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:` +
    `${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The folder an entry is filed in, relative to DIR. */
export function entryDir(e: Pick<ArchiveEntry, 'year' | 'form' | 'entityKey' | 'sha256' | 'formIndex'>): string {
  const year = e.year === null ? '年度不明' : String(e.year);
  const entity = e.entityKey === null ? '单位不明' : sanitizeSegment(e.entityKey);
  const leaf = `${e.sha256.slice(0, 16)}${e.formIndex === 0 ? '' : `#${e.formIndex + 1}`}`;
  return [year, FORM_NAMES[e.form as FormKind], entity, leaf].join('/');
}

/** Listing order: year, kind, entity, arrival. The same for an index and its rebuild. */
export function byListingOrder(a: IndexedEntry, b: IndexedEntry): number {
  const year = (a.year ?? 0) - (b.year ?? 0);
  if (year) return year;
  if (a.form !== b.form) return a.form < b.form ? -1 : 1;
  const ka = a.entityKey ?? '';
  const kb = b.entityKey ?? '';
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.seq - b.seq;
}

/** Submissions of one form (same year, kind and entity key), in order of arrival. */
export function sameFormKey(e: Pick<ArchiveEntry, 'year' | 'form' | 'entityKey'>): string | null {
  if (e.year === null || e.entityKey === null) return null;
  return `${e.year}\u0000${e.form}\u0000${e.entityKey}`;
}

export class ArchiveStore {
  private entries: IndexedEntry[] = [];
  /** sha256#formIndex of every entry, and the highest seq: filing stays O(1) at tens of thousands of forms. */
  private held = new Set<string>();
  private maxSeq = 0;
  private consumed = 0;

  constructor(readonly dir: string) {}

  /** Opens (creating) an archive folder; its entries are loaded under the lock. */
  static open(dir: string): ArchiveStore {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new ArchiveError(`无法创建档案文件夹 ${dir}：${(err as Error).message}`);
    }
    if (!statSync(dir).isDirectory()) throw new ArchiveError(`--archive 指定的不是文件夹：${dir}`);
    const store = new ArchiveStore(dir);
    withArchiveLock(dir, (broke) => store.refresh(broke));
    return store;
  }

  /** A copy of the entries as last loaded. */
  list(): IndexedEntry[] {
    return [...this.entries];
  }

  /** Reloads the index under the caller's lock: new lines only; the whole, or a rebuild when it is missing or torn. */
  private refresh(forceRebuild = false): void {
    const path = join(this.dir, INDEX_NAME);
    if (forceRebuild || !existsSync(path)) {
      this.rebuildLocked();
      return;
    }
    const size = statSync(path).size;
    if (size < this.consumed) {
      // rewritten by a rebuild elsewhere
      this.setEntries([]);
      this.consumed = 0;
    }
    if (size === this.consumed) return;
    const buffer = Buffer.alloc(size - this.consumed);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.consumed);
    } finally {
      closeSync(fd);
    }
    const text = buffer.toString('utf8');
    const lines = text.split('\n');
    if (lines.pop() !== '') {
      this.rebuildLocked(); // a writer died mid-line
      return;
    }
    const added: IndexedEntry[] = [];
    for (const line of lines) {
      if (line === '') continue;
      const parsed = IndexLineSchema().safeParse(safeJson(line));
      if (!parsed.success) {
        this.rebuildLocked();
        return;
      }
      added.push(parsed.data);
    }
    for (const e of added) this.hold(e);
    this.consumed = size;
  }

  /** Rebuilds index.jsonl from every entry.json (under the lock); returns the entries found. */
  rebuild(): IndexedEntry[] {
    return withArchiveLock(this.dir, () => this.rebuildLocked());
  }

  private rebuildLocked(): IndexedEntry[] {
    // Entries are written aside only while the lock is held: under it, any left is a dead writer's.
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(TEMP_PREFIX) || name.startsWith(`${INDEX_NAME}.tmp-`)) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
    const found: IndexedEntry[] = [];
    for (const file of findEntryFiles(this.dir)) {
      const parsed = EntrySchema().safeParse(safeJson(readFileSync(file, 'utf8')));
      if (!parsed.success) continue; // not ours, or damaged: left alone, not indexed
      found.push({ ...parsed.data, dir: relative(this.dir, join(file, '..')).split(sep).join('/') });
    }
    found.sort((a, b) => a.seq - b.seq);
    const text = found.map((e) => `${JSON.stringify(e)}\n`).join('');
    const temp = join(this.dir, `${INDEX_NAME}.tmp-${process.pid}`);
    writeFileSync(temp, text);
    renameSync(temp, join(this.dir, INDEX_NAME));
    this.setEntries(found);
    this.consumed = Buffer.byteLength(text);
    return [...found];
  }

  /**
   * Files one form: its record and the file's report, unless this archive already
   * holds the same file's form (same sha256 and form index: the same submission).
   * Returns the entry, or null when it was already there.
   */
  add(entry: NewEntry, record: string, report: string, now: Date = new Date()): IndexedEntry | null {
    return withArchiveLock(this.dir, (broke) => {
      this.refresh(broke);
      if (this.held.has(`${entry.sha256}#${entry.formIndex}`)) return null;
      const seq = this.maxSeq + 1;
      const full: ArchiveEntry = {
        schema: ENTRY_SCHEMA_ID,
        seq,
        ...entry,
        entityKey: entityKey(entry.entity),
        checkedAt: checkTime(now),
      };
      const dir = entryDir(full);
      const final = join(this.dir, ...dir.split('/'));
      if (existsSync(final)) return null; // filed, index line lost: a rebuild will list it
      const temp = join(this.dir, `${TEMP_PREFIX}${process.pid}-${seq}`);
      rmSync(temp, { recursive: true, force: true });
      mkdirSync(temp, { recursive: true });
      writeFileSync(join(temp, 'record.json'), record);
      writeFileSync(join(temp, 'report.json'), report);
      writeFileSync(join(temp, 'entry.json'), `${JSON.stringify(full, null, 2)}\n`);
      mkdirSync(join(final, '..'), { recursive: true });
      renameSync(temp, final);
      const indexed: IndexedEntry = { ...full, dir };
      appendFileSync(join(this.dir, INDEX_NAME), `${JSON.stringify(indexed)}\n`);
      this.consumed += Buffer.byteLength(`${JSON.stringify(indexed)}\n`);
      this.hold(indexed);
      return indexed;
    });
  }

  private setEntries(entries: IndexedEntry[]): void {
    this.entries = [];
    this.held.clear();
    this.maxSeq = 0;
    for (const e of entries) this.hold(e);
  }

  private hold(e: IndexedEntry): void {
    this.entries.push(e);
    this.held.add(`${e.sha256}#${e.formIndex}`);
    this.maxSeq = Math.max(this.maxSeq, e.seq);
  }

  /** An entry's record and report, as filed. */
  read(entry: IndexedEntry): { record: unknown; report: unknown } {
    const base = join(this.dir, ...entry.dir.split('/'));
    return {
      record: JSON.parse(readFileSync(join(base, 'record.json'), 'utf8')),
      report: JSON.parse(readFileSync(join(base, 'report.json'), 'utf8')),
    };
  }
}

const IndexLineSchema = lazySchema((z) => EntrySchema().extend({ dir: z.string() }).strict());

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every entry.json under DIR (the archive's own folders only: temporary ones skipped). */
function findEntryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (name === 'entry.json' && depth === 4) out.push(path);
      else if (depth < 4 && statSafe(path)?.isDirectory()) walk(path, depth + 1);
    }
  };
  walk(dir, 0);
  return out;
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
