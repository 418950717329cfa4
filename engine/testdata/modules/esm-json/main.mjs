import data from './data.json' with { type: 'json' };
import * as ns from './data.json' with { type: 'json' };
export { default as again } from './data.json' with { type: "json" };
import { again } from './main.mjs';
console.log(data, ns.default === data, again === data, Object.keys(ns));
const d2 = await import('./data.json', { with: { type: 'json' } });
console.log(d2.default === data);
try { await import('./data.json'); } catch (e) { console.log(e.name, e.code); }
try { await import('./data.json', { with: { type: 'css' } }); } catch (e) { console.log(e.name, e.code); }
try { await import('./data.json', 5); } catch (e) { console.log(e.name, e.code); }
