// Turns the command line's inputs (files, folders, glob patterns) into a sorted,
// de-duplicated list of files to check, each with its path relative to the inputs' common folder.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface InputFile {
  /** Absolute path on disk. */
  abs: string;
  /** Path relative to the common folder of the inputs, forward slashes (report.md `<rel>`). */
  rel: string;
  /** True when the path was given literally and does not exist: a `not-found` entry. */
  missing: boolean;
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
  // The output folder may sit inside an input folder (`check . --out out/`): never read our own outputs back.
  const excluded = (opts.exclude ?? []).map((p) => resolve(cwd, p));
  const isExcluded = (abs: string) => excluded.some((ex) => abs === ex || abs.startsWith(ex + sep));
  const found = new Map<string, { missing: boolean }>();
  // Folders the user named (and the static part of glob patterns): `rel` is computed from them.
  const anchors: string[] = [];
  const empty: string[] = [];

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      anchors.push(abs);
      const files = (await walkFolder(abs)).filter((f) => !isExcluded(f));
      if (files.length === 0) empty.push(arg);
      for (const file of files) found.set(file, { missing: false });
    } else if (info?.isFile()) {
      anchors.push(dirname(abs));
      if (!isTemporaryName(basename(abs))) found.set(abs, { missing: false });
    } else if (isDynamicPattern(arg)) {
      anchors.push(resolve(cwd, globBase(arg)));
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      const files = matches
        .map((m) => resolve(m))
        .filter((m) => !isTemporaryName(basename(m)) && !hasHiddenPart(relative(cwd, m)) && !isExcluded(m));
      if (files.length === 0) empty.push(arg);
      for (const file of files) found.set(file, { missing: false });
    } else if (!found.has(abs)) {
      found.set(abs, { missing: true });
    }
  }

  const base = commonFolder(anchors.length > 0 ? anchors : [...found.keys()].map((abs) => dirname(abs)));
  const files: InputFile[] = [...found].map(([abs, { missing }]) => ({ abs, rel: relativeName(base, abs), missing }));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
  return { files, empty, base };
}

/** Every regular file under a folder, recursively; hidden and temporary names skipped, symlinked folders not followed. */
async function walkFolder(root: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (isHidden(entry.name) || isTemporaryName(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) out.push(path);
      else if (entry.isSymbolicLink()) {
        // A link to a file is a submission; a link to a folder could loop, so it is not followed.
        const target = await stat(path).catch(() => null);
        if (target?.isFile()) out.push(path);
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
