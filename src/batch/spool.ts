// report.html sections and findings.csv rows arrive in completion order but must be
// written in input order. They are appended to one scratch file as they come, with
// only (offset, length) kept in memory, and read back in order at the end — memory
// stays flat and no extra file is created per input.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { SectionBytes, SectionParts } from '../model/outcome.js';

export type { SectionParts, SectionBytes };

export class SectionSpool {
  private readonly fd: number;
  private size = 0;
  private readonly places = new Map<number, { offset: number; htmlBytes: number; csvBytes: number }>();

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  /** Stores input `index`'s parts (a later call for the same index wins). */
  put(index: number, parts: SectionParts): void {
    const html = Buffer.from(parts.html, 'utf8');
    const csv = Buffer.from(parts.csv, 'utf8');
    const offset = this.size;
    this.size += writeSync(this.fd, html, 0, html.length, offset);
    this.size += writeSync(this.fd, csv, 0, csv.length, offset + html.length);
    this.places.set(index, { offset, htmlBytes: html.length, csvBytes: csv.length });
  }

  /** Input `index`'s parts, or null when none were stored. */
  get(index: number): SectionParts | null {
    const bytes = this.bytes(index);
    return bytes && { html: bytes.html.toString('utf8'), csv: bytes.csv.toString('utf8') };
  }

  /** Input `index`'s parts as the UTF-8 bytes stored (what the run's outputs are joined from: no decoding and re-encoding). */
  bytes(index: number): SectionBytes | null {
    const place = this.places.get(index);
    if (!place) return null;
    const buf = Buffer.allocUnsafe(place.htmlBytes + place.csvBytes);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(this.fd, buf, read, buf.length - read, place.offset + read);
      if (n === 0) break;
      read += n;
    }
    return { html: buf.subarray(0, place.htmlBytes), csv: buf.subarray(place.htmlBytes, read) };
  }

  private disposed = false;

  /** Closes and deletes the scratch file (again: nothing). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
