globalThis.data = { name: 'sonde', list: [1, 2, 3], get size() { return this.list.length; } };
console.log('puppeteer hello', data, 7);
while (true) {}
