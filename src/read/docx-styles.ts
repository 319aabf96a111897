// Which styles of word/styles.xml hide their text (w:vanish in the style's run
// properties, or in a style it is based on): a template that hides notes or draft
// lines by style hides them as surely as Font ▸ Hidden on the run does.
import { SaxesParser } from 'saxes';

export interface HiddenStyles {
  /** Character styles (w:rStyle on a run) whose text Word does not show. */
  character: ReadonlySet<string>;
  /** Paragraph styles (w:pStyle) whose runs Word does not show unless a run says otherwise. */
  paragraph: ReadonlySet<string>;
}

export const NO_HIDDEN_STYLES: HiddenStyles = { character: new Set(), paragraph: new Set() };

interface StyleDef {
  type: string;
  basedOn?: string;
  /** w:vanish in the style's own w:rPr: true/false when set, undefined when inherited. */
  vanish?: boolean;
}

const isOn = (v: string | undefined) => v === undefined || !/^(0|false|off|none)$/i.test(v.trim());

/** Parses styles.xml; a part that is not well-formed hides nothing (Word would repair it or refuse). */
export function hiddenStyles(xml: string): HiddenStyles {
  const defs = new Map<string, StyleDef>();
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  let current: StyleDef | null = null;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const attr = (attrs: Record<string, string>, name: string) => {
    for (const k in attrs) if (local(k) === name) return attrs[k];
    return undefined;
  };
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    const parent = path.at(-1);
    if (name === 'style' && parent === 'styles') {
      current = { type: attr(attrs, 'type') ?? 'paragraph' };
      const id = attr(attrs, 'styleId');
      if (id !== undefined) defs.set(id, current);
    } else if (current && parent === 'style' && name === 'basedOn') {
      current.basedOn = attr(attrs, 'val');
    } else if (current && parent === 'rPr' && path.at(-2) === 'style' && (name === 'vanish' || name === 'specVanish')) {
      current.vanish = isOn(attr(attrs, 'val'));
    }
    if (!tag.isSelfClosing) path.push(name);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    path.pop();
    if (local(tag.name) === 'style') current = null;
  });
  try {
    parser.write(xml).close();
  } catch {
    return NO_HIDDEN_STYLES;
  }
  const hides = (start: string): boolean => {
    const seen = new Set<string>();
    for (let id: string | undefined = start; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const s = defs.get(id);
      if (!s) return false;
      if (s.vanish !== undefined) return s.vanish;
      id = s.basedOn;
    }
    return false;
  };
  const character = new Set<string>();
  const paragraph = new Set<string>();
  for (const [id, def] of defs) {
    if (!hides(id)) continue;
    if (def.type === 'character') character.add(id);
    else if (def.type === 'paragraph') paragraph.add(id);
  }
  return { character, paragraph };
}
