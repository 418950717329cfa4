// Early errors of statements. See declarations.js for the format.
/* ERROR "Illegal return statement" */ return;
// ----
while (1) { function f() { /* ERROR "Illegal break statement" */ break } }
// ----
for (;;) { continue /* ERROR "Undefined label 'nope'" */ nope; }
// ----
l: { continue /* ERROR "Illegal continue statement: 'l' does not denote an iteration statement" */ l; }
// ----
/* ERROR "Illegal newline after throw" */ throw
  new Error();
// ----
if (a) /* ERROR "Lexical declaration cannot appear in a single-statement context" */ let [b] = c;
// ----
switch (x) { default: ; /* ERROR "More than one default clause in switch statement" */ default: }
// ----
'use strict'; /* ERROR "Strict mode code may not include a with statement" */ with (o) {}
// ----
'use strict'; /* ERROR "Octal literals are not allowed in strict mode." */ 010;
// ----
function f() { '\07'; 'use strict'; }
// (the octal escape is reported inside the earlier directive)
// ----
a /* ERROR "Unexpected identifier 'b'" */ b;
// ----
x = { a: 1 /* ERROR "Unexpected number" */ 2 };
