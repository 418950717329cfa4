// Array.prototype.toLocaleString: each element's toLocaleString, joined by ",".
console.log([1, 'a', null, undefined, 12.5, new Date(0).getTime(), [2, [3]]].toLocaleString());
const c = [1]; c.push(c); console.log(c.toLocaleString());
console.log(Array.prototype.toLocaleString.call({ length: 2, 0: { toLocaleString() { return 'x'; } }, 1: 5 }));
try { [{ toLocaleString: 1 }].toLocaleString(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(Array.prototype.toLocaleString.length, Array.prototype.toLocaleString.name);
