// The first program to try: `go run ./cmd/inspector examples/hello.js`.
const greet = (name) => `Hello, ${name}!`;
console.log(greet('Sonde'));
console.log([1, 2, 3].map((x) => x * x), { engine: 'sonde', heap: 'ours' });
