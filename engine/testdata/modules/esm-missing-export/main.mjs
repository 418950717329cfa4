console.log('never');
import { nope } from './dep.mjs';
