// Where the rules and templates come from, and what a worker is given to load them:
// plain data and paths only, so the batch's main thread can start its workers before
// it loads the checks themselves (checks-context.ts).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRulesDir, bundledTemplatesDir } from '../paths.js';
import type { TaskContext } from './task.js';

/** The folders rules and templates load from, in override order. Plain data: it crosses to workers. */
export interface CheckDirs {
  ruleDirs: string[];
  templateDirs: string[];
}

/** Bundled folders first, then `extra` (its *.yaml rules and its templates/ folder). */
export function checkDirs(extra?: string): CheckDirs {
  const ruleDirs = [bundledRulesDir()];
  const templateDirs = [bundledTemplatesDir()];
  if (extra) {
    ruleDirs.push(extra);
    const templates = join(extra, 'templates');
    if (existsSync(templates) && statSync(templates).isDirectory()) templateDirs.push(templates);
  }
  return { ruleDirs, templateDirs };
}

/** What a worker needs to check files: the loaded context when it can be copied as data, else the folders to load. */
export interface WorkerSetup {
  dirs: CheckDirs;
  context: TaskContext | null;
  /** When the context was still loading as the pool started: the channel it arrives on (context-offer.ts). */
  contextChannel?: string;
  /** The batch holds PDF files: the worker loads pdfjs as soon as it starts, while the main thread still starts up. */
  preloadPdf?: boolean;
}

/**
 * Sends the already validated rules and templates to the workers when they are plain
 * data (saves each worker parsing the YAML again); anything that would not survive the
 * structured copy intact (a class instance, a function) makes the workers load from the folders.
 */
export function workerSetup(dirs: CheckDirs, context: TaskContext): WorkerSetup {
  return { dirs, context: isPlainData(context, new Set()) ? context : null };
}

function isPlainData(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return true;
  seen.add(value);
  if (value instanceof RegExp || value instanceof Date) return true;
  if (value instanceof Map) return [...value].every(([k, v]) => isPlainData(k, seen) && isPlainData(v, seen));
  if (value instanceof Set) return [...value].every((v) => isPlainData(v, seen));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(value).every((v) => isPlainData(v, seen));
}
