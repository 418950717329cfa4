import './main.mjs';
export function getLater() { return later; }
try { getLater(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
export let later = 'now';
