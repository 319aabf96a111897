// `check --archive DIR`: each finished file is compared with the submissions the archive
// held when the run began, then filed. Runs on the main thread as each file's row comes
// back (synchronous: a few small reads and writes, under the archive's lock only while
// filing). The comparison uses the archive as it was at the run's start, so a run's
// reports depend only on that state and the inputs — two forms of one department in
// the same run are both compared with what was there before, not with each other.
import { readFileSync } from 'node:fs';
import type { FileOutcome } from '../model/outcome.js';
import type { FormRecord } from '../model/record.js';
import type { FileReport, Finding, Resubmission, SubmissionTally } from '../model/report.js';
import { toJsonText, writeFileAtomicSync } from '../report/atomic.js';
import { renderFileParts } from '../report/file-outputs.js';
import { recordPath, reportPath } from '../report/output-paths.js';
import { compareSubmissions } from './compare.js';
import { entityKey } from './entity-key.js';
import { ArchiveStore, sameFormKey, type IndexedEntry } from './store.js';

/** A form's place among its archived submissions: its number and the one before it. */
export function placeInArchive(
  snapshot: IndexedEntry[] | Map<string, IndexedEntry[]>,
  form: { sha256: string; formIndex: number; form: IndexedEntry['form']; year: number | null; entity: string | null },
): { submission: number; previous: IndexedEntry | null } | null {
  const key = sameFormKey({ year: form.year, form: form.form, entityKey: entityKey(form.entity) });
  if (key === null) return null; // no year or no entity: nothing to match it by
  const group = (Array.isArray(snapshot) ? snapshot.filter((e) => sameFormKey(e) === key) : (snapshot.get(key) ?? [])).sort((a, b) => a.seq - b.seq);
  const at = group.findIndex((e) => e.sha256 === form.sha256);
  const before = (at >= 0 ? group.slice(0, at) : group).filter((e) => e.sha256 !== form.sha256);
  const distinct = new Set(before.map((e) => e.sha256)).size;
  return { submission: distinct + 1, previous: before.at(-1) ?? null };
}

export class ArchiveRun {
  private constructor(
    readonly store: ArchiveStore,
    /** The archive as the run found it, by form (year, kind, entity key). */
    private readonly snapshot: Map<string, IndexedEntry[]>,
  ) {}

  static open(dir: string): ArchiveRun {
    const store = ArchiveStore.open(dir);
    const byForm = new Map<string, IndexedEntry[]>();
    for (const e of store.list()) {
      const key = sameFormKey(e);
      if (key !== null) byForm.set(key, [...(byForm.get(key) ?? []), e]);
    }
    return new ArchiveRun(store, byForm);
  }

  /**
   * Compares one checked file's forms with their earlier submissions, adds the comparison
   * to its report (rewritten under `outDir`, its report.html / findings.csv parts
   * re-rendered) and its row's form tallies, then files each form. A failed file has no
   * form and is not filed.
   */
  take(row: FileOutcome, outDir: string): void {
    if (row.status === 'failed' || row.sha256 === null || row.formTallies.length === 0) return;
    const reportFile = reportPath(outDir, row.name);
    let reportText = readFileSync(reportFile, 'utf8');
    const report = JSON.parse(reportText) as FileReport;
    const recordTexts = row.formTallies.map((f) => readFileSync(recordPath(outDir, row.name, f.index), 'utf8'));
    const records = recordTexts.map((text) => JSON.parse(text) as FormRecord);
    const resubmissions: Resubmission[] = [];
    for (const [i, tally] of row.formTallies.entries()) {
      const place = placeInArchive(this.snapshot, { sha256: row.sha256, formIndex: tally.index, form: tally.form, year: tally.year, entity: tally.entity });
      if (!place) continue;
      const submission: SubmissionTally = { submission: place.submission };
      if (place.previous) {
        const earlier = this.store.read(place.previous) as { record: FormRecord; report: FileReport };
        const comparison = compareSubmissions(
          { record: earlier.record, findings: earlier.report.findings as Finding[], formIndex: place.previous.formIndex },
          { record: records[i], findings: report.findings, formIndex: tally.index },
          { submission: place.submission, previous: { sha256: place.previous.sha256, path: place.previous.path, status: place.previous.status } },
        );
        resubmissions.push(comparison);
        Object.assign(submission, {
          resolved: comparison.resolved.length,
          persisting: comparison.persisting.length,
          new: comparison.new.length,
          changes: comparison.changes.length,
        });
      }
      tally.submission = submission;
    }
    if (resubmissions.length > 0) {
      report.resubmissions = resubmissions;
      reportText = toJsonText(report);
      writeFileAtomicSync(reportFile, reportText);
      if (row.parts) row.parts = renderFileParts(report, records);
    }
    for (const [i, tally] of row.formTallies.entries()) {
      this.store.add(
        {
          sha256: row.sha256,
          formIndex: tally.index,
          form: tally.form,
          year: tally.year,
          entity: tally.entity,
          path: row.path,
          status: tally.status,
          errors: tally.errors,
          warnings: tally.warnings,
          infos: tally.infos,
        },
        recordTexts[i],
        reportText,
      );
    }
  }
}
