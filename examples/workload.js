// A long-running program to inspect: every 100 ms it handles a "request"
// that allocates orders, keeps some in a cache (a slow leak to find with
// heap snapshots and the Comparison view) and calls code that shows up in
// coverage. Stop it with Ctrl-C.
//
//   go run ./cmd/inspector --inspect examples/workload.js
class Order {
  constructor(id, items) {
    this.id = id;
    this.items = items;
    this.createdAt = Date.now();
  }
  total() {
    return this.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  }
}

class LineItem {
  constructor(name, price, quantity) {
    this.name = name;
    this.price = price;
    this.quantity = quantity;
  }
}

const cache = new Map();
let handled = 0;

function handleRequest(id) {
  const items = [];
  for (let i = 0; i < 1 + (id % 5); i++) {
    items.push(new LineItem(`item-${i}`, 10 + i, 1 + (id % 3)));
  }
  const order = new Order(id, items);
  if (id % 10 === 0) {
    cache.set(id, order); // never evicted: the leak
  }
  handled++;
  return order.total();
}

function neverCalled() {
  return 'coverage shows this function as unused';
}

let next = 1;
setInterval(() => {
  for (let i = 0; i < 50; i++) handleRequest(next++);
  if (handled % 5000 === 0) {
    console.log(`handled ${handled} requests, ${cache.size} cached orders`);
  }
}, 100);
console.log('workload running; attach DevTools (chrome://inspect) and take heap snapshots');
