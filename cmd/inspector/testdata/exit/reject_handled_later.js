// Handled within the same turn: not reported.
const p = Promise.reject(new Error('late'));
Promise.resolve().then(() => p.catch((e) => console.log('caught', e.message)));
