// Renders a finding's message from its kind's template and the finding's data
// (ESLint's messageId + data): the one place a message's text is made.
import type { MessageData } from '../model/report.js';
import type { RuleKind } from './types.js';

/** `{{key}}` in the template replaced by data[key]; a key the data lacks is a bug in the kind, and throws. */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!Object.hasOwn(data, key)) throw new Error(`message data has no "${key}" for template "${template}"`);
    return String(data[key]);
  });
}

/** The message `messageId` of `kind`, rendered; an id the kind does not declare throws. */
export function kindMessage(kind: RuleKind, messageId: string, data: MessageData): string {
  const template = kind.meta.messages[messageId];
  if (template === undefined) throw new Error(`rule kind ${kind.name} has no message "${messageId}"`);
  return renderMessage(template, data);
}
