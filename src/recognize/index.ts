// Phase `recognize`: document model → one record per form found, driven by the
// templates in rules/templates/. (Owned by the recognizer work.)
import type { DocModel } from '../model/document.js';
import type { FormRecord } from '../model/record.js';

/** A record before the pipeline adds `source`. */
export type RecognizedForm = Omit<FormRecord, 'source'>;

export interface TemplateSet {
  templates: unknown[];
}

/** Loads templates from the given folders, later folders overriding by id. */
export function loadTemplates(_dirs: string[]): TemplateSet {
  return { templates: [] };
}

/** Finds every form in the document; throws FormFailure('unrecognized-form') when none. */
export function recognizeForms(_doc: DocModel, _templates: TemplateSet): RecognizedForm[] {
  throw new Error('not implemented yet');
}
