// Escaping and anchors for report.html: every text that comes from a document
// (file names, entities, quotes, raw cells, messages) passes through escapeHtml.
import { createHash } from 'node:crypto';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text → HTML text or attribute value (quoted with "), safe in both places. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]) : text; // most texts have none
}
const NEEDS_ESCAPE = /[&<>"']/;

/**
 * The anchor of one input's section. Derived from its path (unique within a run)
 * so the batch table, rendered before any file, can link to sections rendered later.
 */
export function fileAnchor(path: string): string {
  return `f-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}
