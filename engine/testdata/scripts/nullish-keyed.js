// obj[key] on null/undefined throws before the key is converted: an object key
// is never converted (V8's message then names no key), a primitive one is named.
for (const k of ['a', 1, 1.5, Symbol('s'), true, null, undefined, 10n, { toString() { return 'a'; } }, [1]]) {
  try { null[k]; } catch (e) { console.log('get', e.message); }
  try { undefined[k] = 1; } catch (e) { console.log('set', e.message); }
}
const k = { toString() { throw new Error("key converted"); } };
for (const [label, f] of [
  ['get', () => null[k]],
  ['compound', () => { var base = null; base[k] ^= 1; }],
  ['inc', () => { var base = null; base[k]++; }],
  ['logical', () => { var base = null; base[k] ??= 1; }],
  ['set', () => { var base = null; base[k] = 1; }],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.constructor.name, e.message); }
}
