// Loads the bundled rules and templates plus the user's --rules folder, once per
// process or worker. Throws RuleFileError (exit 2) for a malformed rule file.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSet } from '../check/index.js';
import { loadTemplates } from '../recognize/index.js';
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

export function loadTaskContext(dirs: CheckDirs): TaskContext {
  return { rules: loadRuleSet(dirs.ruleDirs), templates: loadTemplates(dirs.templateDirs) };
}
