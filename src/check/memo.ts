// A pure function of a string, remembered: the checks ask the same printed values
// again and again (each rule on a line recomputes its rate; checks 13–15 read the same
// target and actual), and each answer costs decimal arithmetic. Bounded whatever the
// documents hold: the memory is cleared when full. Answers are shared: callers only read them.
export function memoized<T>(compute: (text: string) => T, limit = 2_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const value = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
