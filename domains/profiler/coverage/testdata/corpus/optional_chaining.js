// Optional chaining in member access, calls and indexing.
function nameOf(user) {
  return user?.profile?.name ?? "unknown";
}

function callIt(obj) {
  return obj.fn?.();
}

function firstItem(list) {
  return list?.[0];
}

function deep(o) {
  return o?.a.b.c;
}

console.log(nameOf({ profile: { name: "ann" } }), nameOf({}), nameOf(null));
console.log(callIt({ fn: () => "called" }), callIt({}));
console.log(firstItem([7]), firstItem(undefined));
console.log(deep({ a: { b: { c: 1 } } }), deep(null));
