// Turns the command line's inputs (files, folders, glob patterns) into a sorted,
// de-duplicated list of files to check, each with its path relative to the inputs' common folder.
import { realpathSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { displayName, isUtf8Name } from './file-names.js';

export interface InputFile {
  /** Absolute path on disk (a name that is not UTF-8 decoded for people: file-names.ts). */
  abs: string;
  /** The path's raw bytes when a name in it is not UTF-8: the file is opened by these. */
  raw?: Buffer;
  /** Path relative to the common folder of the inputs, forward slashes (report.md `<rel>`). */
  rel: string;
  /** True when the path was given literally and does not exist: a `not-found` entry. */
  missing: boolean;
  /** A missing path as the user typed it (its message names it so). */
  typed?: string;
}

export interface ResolvedInputs {
  files: InputFile[];
  /** Folders and glob patterns that yielded no file (told to the user; exit 2 when nothing at all). */
  empty: string[];
  /** The common folder `rel` is relative to. */
  base: string;
}

/** Office lock files, editor temporaries and OS litter: never a submission. */
export function isTemporaryName(name: string): boolean {
  return (
    name.startsWith('~$') ||
    name.startsWith('.~lock.') ||
    name.startsWith('~WRL') ||
    /^(thumbs\.db|desktop\.ini|\.ds_store)$/i.test(name) ||
    name.endsWith('~') ||
    /\.(tmp|crdownload|part)$/i.test(name)
  );
}

/** Hidden (dot) files and folders are skipped when walking folders and globs, not when named. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Resolves every argument; never throws for a missing path (it becomes a `missing` entry). */
export async function resolveInputs(
  args: string[],
  cwd: string = process.cwd(),
  opts: { exclude?: string[] } = {},
): Promise<ResolvedInputs> {
  // The output folder may sit inside an input folder (`check . --out out/`), or be a symlink
  // into one: never read our own outputs back. Compared by the path as given and by its real path.
  const excluded = (opts.exclude ?? []).flatMap((p) => [resolve(cwd, p), realPathIntended(resolve(cwd, p))]);
  const isExcluded = (abs: string) => excluded.some((ex) => abs === ex || abs.startsWith(ex + sep));
  const found = new Map<string, { abs: string; raw?: Buffer; missing: boolean; typed?: string }>();
  // Folders the user named (and the static part of glob patterns): `rel` is computed from them.
  const anchors: string[] = [];
  const empty: string[] = [];

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      anchors.push(abs);
      const files = (await walkFolder(abs, isExcluded)).filter((f) => !isExcluded(f.abs));
      if (files.length === 0) empty.push(arg);
      for (const file of files) found.set(file.raw ? `raw:${file.raw.toString('hex')}` : file.abs, { ...file, missing: false });
    } else if (info) {
      // A file — or a FIFO or device named literally: it exists, so it is read and fails `unreadable`, not `not-found`.
      anchors.push(dirname(abs));
      if (!isTemporaryName(basename(abs))) found.set(abs, { abs, missing: false });
    } else if (isDynamicPattern(arg)) {
      anchors.push(resolve(cwd, globBase(arg)));
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      const files = matches
        .map((m) => resolve(m))
        .filter((m) => !isTemporaryName(basename(m)) && !hasHiddenPart(relative(cwd, m)) && !isExcluded(m) && !isExcluded(realPathIntended(m)));
      if (files.length === 0) empty.push(arg);
      for (const file of files) {
        // The glob reads names as strings: one that is not UTF-8 came back with U+FFFD and would not open.
        const raws = file.includes('\uFFFD') ? await rawNamesOf(file) : [];
        if (raws.length === 0) found.set(file, { abs: file, missing: false });
        for (const walked of raws) found.set(walked.raw ? `raw:${walked.raw.toString('hex')}` : walked.abs, { ...walked, missing: false });
      }
    } else if (!found.has(abs)) {
      found.set(abs, { abs, missing: true, typed: arg });
    }
  }

  const base = commonFolder(anchors.length > 0 ? anchors : [...found.values()].map((f) => dirname(f.abs)));
  const files: InputFile[] = [...found.values()].map(({ abs, raw, missing, typed }) => ({
    abs,
    ...(raw ? { raw } : {}),
    rel: relativeName(base, abs),
    missing,
    ...(typed !== undefined ? { typed } : {}),
  }));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : compareRaw(a, b)));
  return { files, empty, base };
}

/** Two names that read the same (a GBK name decoded, and the same name in UTF-8) still sort in one order. */
function compareRaw(a: InputFile, b: InputFile): number {
  return Buffer.compare(a.raw ?? Buffer.from(a.abs), b.raw ?? Buffer.from(b.abs));
}

/** The real path of `path`, or of its nearest existing parent joined with the rest (an --out not yet made). */
export function realPathIntended(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathIntended(parent), basename(path));
  }
}

/** The files a lossily decoded glob match stands for: its folder's entries whose names decode to the same text. */
async function rawNamesOf(lossy: string): Promise<Walked[]> {
  const dir = dirname(lossy);
  const entries = await readdir(dir, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
  return entries
    .filter((bytes) => !isUtf8Name(bytes) && bytes.toString('utf8') === basename(lossy))
    .map((bytes) => ({ abs: join(dir, displayName(bytes)), raw: Buffer.concat([Buffer.from(dir), Buffer.from(sep), bytes]) }));
}

interface Walked {
  /** As people read it (names that are not UTF-8 decoded). */
  abs: string;
  /** Raw bytes, when some name on the way is not UTF-8. */
  raw?: Buffer;
}

/**
 * Every regular file under a folder, recursively; hidden and temporary names skipped, symlinked
 * folders not followed, folders that are (or are links into) `isExcluded` not entered; a
 * folder that cannot be listed is returned itself (its entry then fails `unreadable`).
 * Names are read as bytes: one that is not UTF-8 keeps its raw path to be opened by.
 */
async function walkFolder(root: string, isExcluded: (abs: string) => boolean): Promise<Walked[]> {
  const out: Walked[] = [];
  const pending: Walked[] = [{ abs: root }];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await readdir(dir.raw ?? dir.abs, { withFileTypes: true, encoding: 'buffer' }).catch(() => null);
    if (!entries) {
      // A folder that cannot be listed (no permission) is not passed over in silence: it
      // becomes an entry of its own, which fails `unreadable` saying its files were not checked.
      out.push(dir);
      continue;
    }
    for (const entry of entries) {
      const bytes = entry.name as unknown as Buffer;
      const name = displayName(bytes);
      if (isHidden(name) || isTemporaryName(name)) continue;
      const abs = join(dir.abs, name);
      const raw = dir.raw || !isUtf8Name(bytes) ? Buffer.concat([dir.raw ?? Buffer.from(dir.abs), Buffer.from(sep), bytes]) : undefined;
      const path = raw ?? abs;
      const walked: Walked = raw ? { abs, raw } : { abs };
      if (entry.isDirectory()) {
        if (!isExcluded(abs) && !isExcluded(await realpath(path).then(String, () => abs))) pending.push(walked);
      } else if (entry.isFile()) out.push(walked);
      else if (entry.isSymbolicLink()) {
        // A link to a file is a submission; a link to a folder could loop, so it is not followed.
        const target = await stat(path).catch(() => null);
        if (target?.isFile() && !isExcluded(await realpath(path).then(String, () => abs))) out.push(walked);
      }
    }
  }
  return out;
}

function hasHiddenPart(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((part) => part !== '..' && part !== '.' && isHidden(part));
}

/** The folder part of a glob before its first segment with a wildcard (`收件箱/**\/*.docx` → `收件箱`). */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === 0) return isAbsolute(pattern) ? '/' : '.';
  const joined = fixed.join('/');
  return joined === '' ? '/' : joined;
}

/** The deepest folder holding every given folder. */
export function commonFolder(folders: string[]): string {
  if (folders.length === 0) return process.cwd();
  let common = folders[0].split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const joined = common.join(sep);
  return joined === '' ? sep : joined;
}

function relativeName(base: string, abs: string): string {
  const rel = relative(base, abs);
  // A literal missing path outside every anchor keeps its own name rather than a `../` path.
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return basename(abs);
  return rel.split(sep).join('/');
}
