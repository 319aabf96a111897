// LibreOffice conversions in a batch run: soffice is looked up once per run (on PATH,
// or --soffice) and each worker converts its legacy file (.doc, .wps, .xls, .et,
// .rtf, .odt, .ods) with a private profile inside its own task (read/soffice.ts),
// so conversions run in parallel across the pool and the pool stays busy. The
// conversion gets 80% of the file's timeout, so soffice is killed and its temporary
// folder removed by jxaudit before the pool's own timeout would end the worker.
import { findSoffice } from '../read/soffice.js';

export interface ConversionSettings {
  soffice: string | null;
  convertTimeoutMs: number;
}

export function conversionSettings(explicit: string | undefined, fileTimeoutMs: number): ConversionSettings {
  return { soffice: findSoffice(explicit), convertTimeoutMs: Math.max(1000, Math.floor(fileTimeoutMs * 0.8)) };
}
