import * as all from './all.mjs';
import { one, two, nsOfOne } from './all.mjs';
console.log(Object.keys(all), one, two, Object.keys(nsOfOne));
console.log(all.nsOfOne === nsOfOne, 'default' in all);
