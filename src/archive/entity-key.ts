// Which archived forms are "the same department's (or project's) form": the key an
// entity name is filed under. Departments write their own name slightly differently
// from one submission to the next (spaces, full-width brackets, 长沙市岳麓区… one time
// and 岳麓区… the next), but two departments must never be joined — so the key is an
// equality of normalized names, never a similarity score:
//   1. NFKC (full-width letters, digits and brackets become half-width), every space
//      removed, a trailing (盖章)/(公章) dropped;
//   2. higher-level place names in front of a place are optional: a leading 省/自治区/
//      市/州/盟/地区 name is dropped while another place name follows it
//      ("湖南省长沙市岳麓区住房保障服务中心" → "岳麓区住房保障服务中心"). The last place
//      name always stays: "长沙市财政局" and "岳麓区财政局" keep their places and differ,
//      and "财政局" alone matches neither.
// A place name is 2–6 characters before its suffix ("城市管理局" is no place "城市"), so
// a word that merely ends in 市/区 inside a name is not taken for one. Abbreviations
// (住保中心 for 住房保障服务中心) are not guessed: such a form counts as a first submission.

/** Suffixes of a place that can stand in front of a lower one and be left out. */
const HIGHER = ['特别行政区', '自治区', '自治州', '地区', '省', '市', '州', '盟'];
/** Every place suffix (a place that ends the chain: 区, 县, 旗 too). */
const PLACE = /^(.{2,6}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|省|市|州|盟|区|县|旗))/u;

/** Spacing, width and the stamp note removed: the name as compared. */
export function normalizeEntity(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[(（\[【]?(?:盖章|公章|签章)[)）\]】]?$/u, '')
    .replace(/[:：]+$/u, '');
}

/** The leading place names of a normalized name and what follows them. */
function places(name: string): { chain: string[]; rest: string } {
  const chain: string[] = [];
  let rest = name;
  for (;;) {
    const m = PLACE.exec(rest);
    if (!m || m[1].length === rest.length) break; // a name that is only a place keeps it
    chain.push(m[1]);
    rest = rest.slice(m[1].length);
  }
  return { chain, rest };
}

/** The key an entity is filed and matched under (null for an unknown entity: it matches nothing). */
export function entityKey(name: string | null): string | null {
  if (name === null) return null;
  let text = normalizeEntity(name);
  if (!text) return null;
  // 中共…区委宣传部: the party prefix stays part of the name; the places after it are treated alike
  const party = /^(?:中国共产党|中共)/u.exec(text)?.[0];
  if (party) text = text.slice(party.length);
  const { chain, rest } = places(text);
  let first = 0;
  while (first < chain.length - 1 && HIGHER.some((suffix) => chain[first].endsWith(suffix))) first++;
  return `${party ? '中共' : ''}${chain.slice(first).join('')}${rest}`;
}

/** Whether two written names are the same entity's. */
export function sameEntity(a: string | null, b: string | null): boolean {
  const ka = entityKey(a);
  return ka !== null && ka === entityKey(b);
}
