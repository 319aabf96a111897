// Where each input's record and report go under --out: the input's relative path kept
// (so equal names in two folders never collide), sanitized, and never outside --out.
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';

/** Longest file-name segment we write, in UTF-8 bytes (leaves room for `#12.json` under the usual 255). */
const MAX_SEGMENT_BYTES = 200;

/** One path segment made safe for any file system: no separators, control or reserved characters, no `.`/`..`. */
export function sanitizeSegment(segment: string): string {
  let s = segment
    .replace(/[\u0000-\u001f\u007f<>:"|?*\\]/g, '_')
    .replace(/[. ]+$/g, (m) => '_'.repeat(m.length)); // Windows drops trailing dots and spaces
  if (s === '' || /^\.+$/.test(s)) s = '_';
  if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) {
    const hash = createHash('sha256').update(segment).digest('hex').slice(0, 8);
    let cut = s;
    while (Buffer.byteLength(cut) > MAX_SEGMENT_BYTES - 9) cut = cut.slice(0, -1);
    s = `${cut}~${hash}`;
  }
  return s;
}

/** A relative input path → a safe relative output path (forward slashes), `..` and empty parts dropped. */
export function sanitizeRelPath(rel: string): string {
  const parts = rel
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .map(sanitizeSegment);
  return parts.length > 0 ? parts.join('/') : '_';
}

/**
 * Assigns each input a distinct output name, in the given (sorted) order so the
 * result is deterministic. Names that only differ in case or in characters the
 * sanitizer replaced get `~2`, `~3`… before their extension.
 */
export function allocateOutputNames(rels: string[]): Map<string, string> {
  const unique = [...new Set(rels)];
  const names = outputNamesInOrder(unique);
  return new Map(unique.map((rel, i) => [rel, names[i]]));
}

/** One distinct output name per entry, even for equal `rels` (a GBK name that reads like a UTF-8 neighbour's). */
export function outputNamesInOrder(rels: string[]): string[] {
  const taken = new Set<string>();
  return rels.map((rel) => {
    const safe = sanitizeRelPath(rel);
    let name = safe;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = withCounter(safe, n);
    taken.add(name.toLowerCase());
    return name;
  });
}

function withCounter(path: string, n: number): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${dir}${file.slice(0, dot)}~${n}${file.slice(dot)}` : `${dir}${file}~${n}`;
}

/** Resolves `parts` under `outDir`; throws if the result would leave it (defence in depth after sanitizing). */
export function insideOut(outDir: string, ...parts: string[]): string {
  const root = resolve(outDir);
  const path = resolve(join(root, ...parts));
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(root, rel) !== path) {
    throw new Error(`输出路径越出输出目录：${parts.join('/')}`);
  }
  return path;
}

/** `reports/<name>.json`. */
export function reportPath(outDir: string, name: string): string {
  return insideOut(outDir, 'reports', `${name}.json`);
}

/** `records/<name>.json` for the first form, `records/<name>#2.json` for the second… */
export function recordPath(outDir: string, name: string, formIndex: number): string {
  return insideOut(outDir, 'records', formIndex === 0 ? `${name}.json` : `${name}#${formIndex + 1}.json`);
}

/** `annotated/<name>` (issue 17): the input's marked copy; `suffix` names a converted copy's format (`a.doc` → `a.doc.docx`). */
export function annotatedPath(outDir: string, name: string, suffix = ''): string {
  return insideOut(outDir, 'annotated', `${name}${suffix}`);
}
