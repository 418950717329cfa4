// Date on jsdate: construction, UTC getters and setters, formats, toJSON, toPrimitive, inspect.
const d = new Date(Date.UTC(2020, 1, 29, 12, 30, 45, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf(), JSON.stringify({ d }), d.getUTCDay(), d.getUTCFullYear());
console.log(d, [d], { when: d }, new Date(NaN), String(new Date(NaN)));
console.log(new Date("2020-01-01").getTime(), Date.parse("2020-01-01T00:00:00Z"), Date.UTC(2000, 0));
console.log(typeof Date.now(), Date.now() > 1.6e12, typeof Date(), Object.prototype.toString.call(d));
const e = new Date(0); e.setUTCFullYear(2001, 5, 15); e.setUTCHours(25); console.log(e.toISOString());
console.log(new Date(2020, 0, 1).getFullYear(), new Date(99, 0).getFullYear(), d - new Date(Date.UTC(2020, 1, 28)));
console.log(d.toUTCString(), d.toGMTString === d.toUTCString, new Date(8.64e15 + 1).getTime());
try { new Date(NaN).toISOString(); } catch (x) { console.log(x.name, x.message); }
console.log(d[Symbol.toPrimitive]("number"), typeof (d + 1), new Date(d).getTime() === d.getTime());
class MyDate extends Date { year() { return this.getUTCFullYear(); } }
console.log(new MyDate(0).year(), new MyDate(0) instanceof Date);
