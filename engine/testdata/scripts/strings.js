const s = "hello";
console.log(s.length, s[1], s.charAt(4), s.charCodeAt(0), s + " world", s.toUpperCase());
console.log("a" + 1 + 2, 1 + 2 + "a", "3" * "4", "10" / 2, "5" - 2, "5" + 2);
console.log("abc" < "abd", "B" < "a", "10" < "9", 10 < 9, "abc" === "ab" + "c");
let acc = "";
for (let i = 0; i < 20; i++) acc += String.fromCharCode(97 + i);
console.log(acc, acc.length, acc.slice(-3), acc.substring(2, 5), acc.indexOf("klm"), acc.includes("xyz"));
console.log("  trim me ".trim() + "|", "a,b,,c".split(","), "abc".split(""), "x".repeat(3), "5".padStart(3, "0"), "ab".padEnd(4, "-") + "|");
console.log("Hello World".replace("o", "0"), "a-b-c".replaceAll("-", "+"), "abc".at(-1), "abcdef".startsWith("abc"), "abcdef".endsWith("ef"));
console.log(`template ${1 + 1} and ${s}!`, `multi
line`, String(null), String(undefined), String(true), String(123), String([1, [2, 3]]), String({}));
console.log("ünïcödé".length, "😀".length, [..."a😀b"].length, "€".charCodeAt(0));
console.log(["b", "a", "c"].join("-"), "abc".split("").reverse().join(""), "Mississippi".lastIndexOf("ss"));
console.log("x".concat("y", 1), "  a".trimStart(), "a  ".trimEnd() + "|", "abc".codePointAt(1));
