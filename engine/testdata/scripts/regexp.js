// RegExp objects, exec results, the Symbol.match/replace/search/split/matchAll protocol and String methods built on it.
console.log(/a(b)?c/.exec("xacx"));
console.log("2024-01-15".match(/(\d+)-(\d+)-(\d+)/).slice(1));
console.log("a1b22c333".match(/\d+/g));
console.log("a,b;c d".split(/[,; ]/));
console.log("abc".split(/(?:)/), "abc".split(""), "a1b2c3".split(/(\d)/));
console.log("hello world".replace(/o/g, "0"), "x-y-z".replace(/-(\w)/g, (m, c) => c.toUpperCase()));
console.log("John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"));
console.log("2020-10-05".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"));
const re = /(?<word>\w+)/g;
console.log([..."hi there you".matchAll(re)].map(m => m.groups.word + "@" + m.index));
console.log(/abc/gi.flags, /a\/b/.source, String(/x\n/), new RegExp("a/b", "g").toString());
console.log("abcabc".search(/c/), "abc".search(/z/));
const g = /o/g; g.test("foo"); console.log(g.lastIndex); g.test("foo"); console.log(g.lastIndex); g.test("foo"); console.log(g.lastIndex);
try { new RegExp("("); } catch (e) { console.log(e.name + ": " + e.message); }
console.log(/\u{1F600}/u.test("😀"), /^.$/.test("😀"), /^.$/u.test("😀"));
console.log("aaa".replaceAll(/a/g, "b"), "x.y.z".replaceAll(".", "!"));
try { "aaa".replaceAll(/a/, "b"); } catch (e) { console.log(e.message); }
console.log(/(a)|(b)/d.exec("b").indices);
console.log(RegExp.prototype.toString.call(/a/y), Object.keys(/a/.exec("a")));
console.log("Some Text".replace(/(?<first>S)/, "[$<first>]"), "abc".replace(/b/, "$&$&$$"), "abc".replace(/b/, "$`|$'"));
class R extends RegExp { exec(s) { console.log("exec", s); return super.exec(s); } }
console.log(new R("b").test("abc"));
console.log("  trim  me ".split(/\s+/), "a".split(/a/), "".split(/a/), "".split(/(?:)/));
console.log(/[/]/.source, RegExp("/").source, RegExp("").source);
console.log(typeof RegExp.prototype.exec, RegExp.prototype.global, RegExp.name, RegExp.length);
console.log("aBc".replace(/b/i, x => x + x), /x/ instanceof RegExp, RegExp(/a/g) === RegExp(/a/g));
console.log(/a/g, [/x/i, { r: /y/ }], new RegExp("a/b"));
const r = /q/; r.extra = 1; console.log(r);
console.log(Object.prototype.toString.call(/a/), typeof /a/);
console.log(JSON.stringify({ r: /a/ }), String(/a/) + "!");
let s = ""; for (let i = 0; i < 1000; i++) s += "ab"; console.log(s.replace(/a/g, "").length, s.split(/b/).length);
console.log("x".padEnd(5, "-").replace(/-+$/, m => m.length));
console.log("The Quick Brown".match(/[A-Z]/g).join(""));
console.log("k1=v1&k2=v2".split("&").map(p => p.split("=")).map(([k, v]) => k + ":" + v));
console.log("camelCaseString".replace(/([A-Z])/g, "_$1").toLowerCase());
console.log(/(\d+)/.exec("abc"), "abc".match(/z/g));
// lastIndex and sticky.
const y = /a/y; y.lastIndex = 1; console.log(y.test("ba"), y.lastIndex, y.test("ba"), y.lastIndex);
const gl = /a/g; console.log(gl.exec("aa").index, gl.lastIndex, gl.exec("aa").index, gl.exec("aa"), gl.lastIndex);
// Empty matches advance.
console.log("abc".replace(/x*/g, "-"), "abc".match(/x*/g), [..."ab".matchAll(/(?:)/g)].length);
console.log("😀😀".replace(/(?:)/gu, "|"), "😀".split(/(?:)/u));
// Split with limits and captures.
console.log("a1b2c3".split(/\d/, 2), "a1b2c3".split(/(\d)/, 3), "test".split(/(t)/));
// Case-insensitive and unicode classes.
console.log(/ß/i.test("SS"), /[a-z]+/i.exec("HeLLo")[0], /\p{Lu}/u.test("É"), /\w+/.exec("é")?.[0]);
// Overridden exec is observed.
const o = /x/; o.exec = function () { return { 0: "fake", length: 1, index: 0 }; };
console.log(o.test("nothing"), "nothing".replace(o, "[$&]"));
// Symbol.replace on plain objects.
console.log("abc".replace({ [Symbol.replace](s, r) { return s + "!" + r; } }, "R"));
console.log("abc".split({ [Symbol.split](s, lim) { return [s, lim]; } }, 3));
// Errors.
for (const p of ["[", "a**", "(?<n>a)(?<n>b)", "\\"]) {
  try { new RegExp(p); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { new RegExp("a", "gg"); } catch (e) { console.log(e.message); }
try { RegExp.prototype.exec.call({}, "a"); } catch (e) { console.log(e.message); }
console.log(RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global);
console.log(RegExp[Symbol.species] === RegExp, Symbol.match.toString(), typeof Symbol.split);
