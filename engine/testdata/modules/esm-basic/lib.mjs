export let x = 1;
export function inc() { x++; }
export default function () { return 42; }
export const obj = { n: 'obj' };
const local = 'renamed!';
export { local as renamed };
