// Namespace resolution for the DOCX reader: element names → canonical keys
// ('w:tc', 'mc:Choice', 'v:imagedata', '*:other') whatever prefixes a file binds.
// Done by hand because saxes' xmlns mode costs ~2× on Word's attribute-heavy XML.

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // ISO 29500 Strict
]);
const CANONICAL_PREFIX = new Map<string, string>([
  ...[...W_NAMESPACES].map((uri) => [uri, 'w'] as [string, string]),
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
  ['urn:schemas-microsoft-com:vml', 'v'],
]);

type Attributes = Record<string, string>;

export class NameResolver {
  private scope = new Map<string, string>();
  private readonly saved: (Map<string, string> | null)[] = [];
  /** qualified name → key, valid for the current scope. */
  private cache = new Map<string, string>();

  /** Call on every open tag (skipped ones too); returns the element's key. `declares`:
   *  whether the tag has an xmlns attribute (false: its attributes are not looked at —
   *  saxes' attribute objects are dictionaries, slow to walk on every element). */
  enter(name: string, attributes: Attributes, declares = true): string {
    let declared: Map<string, string> | null = null;
    if (declares) for (const attr in attributes) {
      if (attr.charCodeAt(0) === 120 /* x */ && (attr === 'xmlns' || attr.startsWith('xmlns:'))) {
        declared ??= new Map(this.scope);
        declared.set(attr === 'xmlns' ? '' : attr.slice(6), attributes[attr]);
      }
    }
    if (declared) {
      this.saved.push(this.scope);
      this.scope = declared;
      this.cache = new Map();
    } else {
      this.saved.push(null);
    }
    let key = this.cache.get(name);
    if (key === undefined) {
      key = this.keyOf(name);
      this.cache.set(name, key);
    }
    return key;
  }

  /** Call on every close tag. */
  leave(): void {
    const previous = this.saved.pop();
    if (previous) {
      this.scope = previous;
      this.cache = new Map();
    }
  }

  /** A WordprocessingML attribute by local name (unprefixed ones accepted too). */
  wAttr(attributes: Attributes, local: string): string | undefined {
    for (const attr in attributes) {
      const colon = attr.indexOf(':');
      // the local part compared in place (no slice per attribute)
      if (attr.length - colon - 1 !== local.length || !attr.endsWith(local)) continue;
      if (colon < 0 || W_NAMESPACES.has(this.scope.get(attr.slice(0, colon)) ?? '')) return attributes[attr];
    }
    return undefined;
  }

  private keyOf(name: string): string {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const local = name.slice(colon + 1);
    const canonical = CANONICAL_PREFIX.get(this.scope.get(prefix) ?? '') ?? '*';
    return `${canonical}:${local}`;
  }
}
