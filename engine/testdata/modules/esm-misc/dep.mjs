export let counter = 0;
export function bump() { counter += 1; list.push(counter); }
export const list = [];
export const [A, B, { C }] = ['a', 'b', { C: 'c' }];
export var v;
v = 'assigned later';
export let later;
later = 'later';
