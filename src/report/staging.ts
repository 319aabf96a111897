// `--out` never mixes two runs. A run writes everything into its own hidden staging
// folder inside `--out` (same file system, so moving a file in is a rename) and
// switches it in at the end: it writes the commit mark (the list of the run's files),
// renames each file into place, removes the files the previous run listed in its
// manifest that this run did not write, and the mark becomes the new manifest.
// Only files a manifest lists are ever deleted (or, in an --out an earlier version wrote
// without one, records and reports that open with our schema id): a user's own file in
// `--out` is never touched. A run stopped before the mark leaves the previous outputs as they were (its
// staging folder is removed by the next run); a run stopped during the switch is
// finished by the next run, which finds the mark and moves the rest in.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { removeStaleTemps, toJsonText, writeFileAtomic } from './atomic.js';
import { insideOut } from './output-paths.js';
import { processAlive } from '../process-alive.js';

/** Staging folders are `.jxaudit-run-<pid>`: hidden, so a walk of an input folder that holds `--out` skips them. */
export const STAGING_PREFIX = '.jxaudit-run-';
/** The list of the files the last complete run wrote under `--out` (relative, forward slashes). */
export const MANIFEST_NAME = '.jxaudit-manifest.json';
const COMMIT_MARK = '.jxaudit-commit.json';
const MANIFEST_SCHEMA = 'jxaudit/outputs@1';

interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  files: string[];
}

/** This run's staging folder under `outDir`, created empty; stale ones of dead runs are finished or removed first. */
export async function openStaging(outDir: string): Promise<string> {
  // Two runs into one --out would switch their files in interleaved: the second refuses.
  const busy = (await otherRuns(outDir)).at(0);
  if (busy !== undefined) throw new OutputBusy(busy);
  await recoverStaging(outDir);
  const staging = insideOut(outDir, `${STAGING_PREFIX}${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Two runs that started together both passed the check above: the one with the lower pid goes on.
  const earlier = (await otherRuns(outDir)).find((pid) => pid < process.pid);
  if (earlier !== undefined) {
    await discardStaging(staging);
    throw new OutputBusy(earlier);
  }
  return staging;
}

/** Another jxaudit process (on this machine) is writing into the same `--out`. */
export class OutputBusy extends Error {
  override name = 'OutputBusy';
  constructor(readonly pid: number) {
    super(`另一个 jxaudit 进程（${pid}）正在向这个输出文件夹写结果`);
  }
}

/** The pids of live runs with a staging folder in `outDir`, other than this one. */
async function otherRuns(outDir: string): Promise<number[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(STAGING_PREFIX))
    .map((name) => Number(name.slice(STAGING_PREFIX.length)))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid && processAlive(pid))
    .sort((a, b) => a - b);
}

/** Drops a staging folder: `--out` keeps the previous run's outputs. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Switches a complete staging folder in (see the top of this file). */
export async function commitStaging(outDir: string, staging: string): Promise<void> {
  // A worker stopped (timeout, memory) between writing a file and renaming it left its temporary here.
  await removeStaleTemps(staging);
  const files = (await filesUnder(staging)).filter((f) => f !== COMMIT_MARK).sort();
  const manifest: Manifest = { schema: MANIFEST_SCHEMA, files };
  await writeFileAtomic(join(staging, COMMIT_MARK), toJsonText(manifest));
  await finishCommit(outDir, staging, manifest);
}

/** Staging folders left by runs that no longer run: a marked one is finished, an unmarked one removed. */
export async function recoverStaging(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (pid !== process.pid && Number.isInteger(pid) && processAlive(pid)) continue; // another run writes there now
    const staging = join(outDir, name);
    const mark = await readManifest(join(staging, COMMIT_MARK));
    if (mark) await finishCommit(outDir, staging, mark);
    else await discardStaging(staging);
  }
}

async function finishCommit(outDir: string, staging: string, manifest: Manifest): Promise<void> {
  moveNewFoldersIn(outDir, staging, manifest);
  // One file at a time, synchronously: nothing else runs during the switch, and a
  // rename through libuv's pool cost twice a synchronous one (1,250 files: 0.25 s).
  const madeDirs = new Set<string>();
  for (const file of manifest.files) {
    const from = join(staging, file);
    if (!existsSync(from)) continue; // moved in before an interruption, or with its folder
    const to = insideOut(outDir, file);
    const dir = dirname(to);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    renameSync(from, to);
  }
  await pruneOldOutputs(outDir, manifest.files);
  await rename(join(staging, COMMIT_MARK), join(outDir, MANIFEST_NAME));
  await discardStaging(staging);
}

/** A folder of the run's outputs (records/, reports/, annotated/) that `outDir` does not
 *  have yet — a first run — moves in whole, with one rename: it holds only files the
 *  manifest lists, and nothing of the user's can be in a folder that is not there. */
function moveNewFoldersIn(outDir: string, staging: string, manifest: Manifest): void {
  const tops = new Set(manifest.files.filter((f) => f.includes('/')).map((f) => f.slice(0, f.indexOf('/'))));
  for (const top of tops) {
    const from = join(staging, top);
    const to = insideOut(outDir, top);
    if (!existsSync(from) || existsSync(to)) continue;
    try {
      renameSync(from, to);
    } catch {
      // made meanwhile by someone else: its files are moved one by one
    }
  }
}

/** Removes what the previous manifest listed and this run did not write, then the folders that left empty. */
async function pruneOldOutputs(outDir: string, keep: string[]): Promise<void> {
  const kept = new Set(keep);
  const previous = (await readManifest(join(outDir, MANIFEST_NAME)))?.files ?? (await unlistedOutputs(outDir, kept));
  const emptied = new Set<string>();
  for (const file of previous) {
    if (kept.has(file)) continue;
    let path: string;
    try {
      path = insideOut(outDir, file);
    } catch {
      continue; // a hand-edited manifest naming a path outside --out: never followed
    }
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile()) continue;
    await rm(path, { force: true });
    emptied.add(dirname(path));
  }
  // Deepest first; rmdir refuses a folder that still holds anything (a user's file stays).
  const dirs = [...emptied].flatMap((d) => ancestorsBelow(outDir, d));
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    await rmdir(dir).catch(() => {});
  }
}

/** What a run of a version without manifests wrote: the records and reports under `outDir`, told by their first
 *  bytes (every JSON of ours opens with its schema id), apart from those this run keeps. A user's file there
 *  opens otherwise and stays. */
async function unlistedOutputs(outDir: string, kept: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  for (const [folder, schema] of [['records', 'jxaudit/record@1'], ['reports', 'jxaudit/report@1']] as const) {
    const head = Buffer.from(`{\n  "schema": "${schema}"`);
    for (const file of await filesUnder(join(outDir, folder)).catch(() => [] as string[])) {
      // this run's own files (just moved in) are kept anyway: not opened
      if (!file.endsWith('.json') || kept.has(`${folder}/${file}`)) continue;
      if (await startsWith(join(outDir, folder, file), head)) out.push(`${folder}/${file}`);
    }
  }
  return out;
}

async function startsWith(path: string, head: Buffer): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const buf = Buffer.alloc(head.length);
    const { bytesRead } = await file.read(buf, 0, head.length, 0);
    return bytesRead === head.length && buf.equals(head);
  } finally {
    await file.close();
  }
}

/** `dir` and its parents up to (not including) `outDir`. */
function ancestorsBelow(outDir: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; relative(outDir, d) !== '' && !relative(outDir, d).startsWith('..'); d = dirname(d)) out.push(d);
  return out;
}

async function readManifest(path: string): Promise<Manifest | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Manifest>;
    if (value.schema !== MANIFEST_SCHEMA || !Array.isArray(value.files)) return null;
    return { schema: MANIFEST_SCHEMA, files: value.files.filter((f): f is string => typeof f === 'string') };
  } catch {
    return null;
  }
}

/** Every file under `dir`, relative, forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
