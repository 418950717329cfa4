console.log(JSON.stringify({ a: 1, b: "two", c: [true, null, undefined], d: { e: 1.5 } }));
console.log(JSON.stringify([undefined, function () {}, Symbol("s")]), JSON.stringify(undefined), JSON.stringify("q\"uote\n"));
console.log(JSON.stringify({ a: [1, 2], b: { c: 3 } }, null, 2));
console.log(JSON.stringify({ date: { toJSON() { return "custom"; } } }), JSON.stringify({ a: 1, b: 2 }, ["b"]));
console.log(JSON.stringify({ a: 1, b: 2 }, (k, v) => (typeof v === "number" ? v * 10 : v)));
const parsed = JSON.parse('{"x": [1, 2, {"y": "z"}], "n": -1.5e2, "t": true, "nil": null}');
console.log(parsed, parsed.x[2].y, JSON.parse("[]"), JSON.parse('"str"'));
console.log(JSON.parse('{"a": 1, "b": 2}', (k, v) => (k === "a" ? undefined : v)));
console.log(JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify([new Number(3), new String("s")]));
