// Errors of modules imported by a module that node loads lazily are out of
// reach here (no import() yet); this checks what a module sees of a cycle
// with a throwing module in it, and built-in imports.
import { format } from 'util';
import * as pathNs from 'node:path';
console.log(format('%s:%i', 'x', 42.9), typeof pathNs.join, pathNs.default.sep, Object.keys(pathNs).includes('default'));
