// The callee text of "x is not a function" as V8's CallPrinter renders it:
// string keys as names, comma expressions with their parts.
const o = { x: {} };
const tries = [
  () => o['nope'](),
  () => o['a b'](),
  () => o['0'](),
  () => o[0](),
  () => o[`t`](),
  () => o?.['nope'](),
  () => o['x']['y'](),
  () => (0, o.nope)(),
  () => (1, 2, o.x)(),
  () => (o.a, o['b'])(),
  () => 'str'(),
];
for (const t of tries) {
  try { t(); } catch (e) { console.log(e.constructor.name, e.message); }
}
