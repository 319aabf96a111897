// Loads the bundled rules and templates plus the user's --rules folder, once per
// process or worker. Throws RuleFileError (exit 2) for a malformed rule file.
import { loadRuleSet } from '../check/index.js';
import { loadTemplates } from '../recognize/index.js';
import { vocabularyWith } from '../model/record-path.js';
import type { CheckDirs } from './check-dirs.js';
import type { TaskContext } from './task.js';

export { checkDirs, workerSetup, type CheckDirs, type WorkerSetup } from './check-dirs.js';

export function loadTaskContext(dirs: CheckDirs): TaskContext {
  // templates first: a rule may name a fund line a template adds (funds.sources.generalBudget)
  const templates = loadTemplates(dirs.templateDirs);
  const vocabulary = vocabularyWith(templates.templates.map((t) => t.fund.lines));
  return { rules: loadRuleSet(dirs.ruleDirs, vocabulary), templates };
}
