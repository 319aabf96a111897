// Loads the bundled rules and templates plus the user's --rules folder, once per
// process or worker. Throws RuleFileError (exit 2) for a malformed rule file.
// The bundled folders as built come from the build's artifact (context-cache.ts).
import { loadRules } from '../check/loader.js';
import { loadTemplates } from '../recognize/load-templates.js';
import { vocabularyWith } from '../model/record-path.js';
import type { CheckDirs } from './check-dirs.js';
import { cachedTaskContext } from './context-cache.js';
import type { TaskContext } from './task.js';

export { checkDirs, workerSetup, type CheckDirs, type WorkerSetup } from './check-dirs.js';

export function loadTaskContext(dirs: CheckDirs): TaskContext {
  return cachedTaskContext(dirs) ?? freshTaskContext(dirs);
}

/** Parses and validates the files (what the cache's artifact is built from, and what any miss does). */
export function freshTaskContext(dirs: CheckDirs): TaskContext {
  // templates first: a rule may name a fund line a template adds (funds.sources.generalBudget)
  const templates = loadTemplates(dirs.templateDirs);
  const vocabulary = vocabularyWith(templates.templates.map((t) => t.fund.lines));
  return { rules: { rules: loadRules(dirs.ruleDirs, vocabulary) }, templates };
}
