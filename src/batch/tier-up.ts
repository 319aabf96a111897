// How soon V8 compiles a hot function with TurboFan, for a batch's worker threads.
// Each worker is a fresh isolate that warms up on its own, and its compiles run on
// the same two cores as the work: with V8's default budget a 500-form DOCX batch had
// TurboFan compile 564 functions (3.6 s of background compile) with one worker and
// 845 (8.2 s) with two — as much CPU as the forms themselves, and the reason a second
// worker bought nothing. Sixteen times the budget leaves only the truly hot functions
// to compile (167, 0.8 s, with one worker); the batch took 0.83× the wall time for
// DOCX and 0.82× for PDF (issue 19). 8× and 32× measured no better.
import { setFlagsFromString } from 'node:v8';

const DEFAULT_BUDGET = 67_584; // V8 11.3 (Node 20): --interrupt-budget's default
const BATCH_BUDGET = 16 * DEFAULT_BUDGET;

let raised = false;

/** Raises the budget for isolates started from now on (V8 flags are per process); a
 *  budget given on the command line (`node --interrupt-budget=…`) is left as given. */
export function raiseTierUpBudget(): void {
  if (raised || process.execArgv.some((a) => a.startsWith('--interrupt-budget') || a.startsWith('--interrupt_budget'))) return;
  raised = true;
  setFlagsFromString(`--interrupt-budget=${BATCH_BUDGET}`);
}
