// Finding messages word record paths in MESSAGE_WORDING (model/record-path.ts).
import type { FormKind } from '../model/record.js';
import { MESSAGE_WORDING, pathLabel, type LabelContext } from '../model/record-path.js';

export type { LabelContext };

/** A readable Chinese label for any record path, as messages say it. */
export function labelOf(path: string, ctx?: LabelContext | FormKind): string {
  return pathLabel(path, MESSAGE_WORDING, typeof ctx === 'string' ? { form: ctx } : ctx);
}
