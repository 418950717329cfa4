// Early errors of declarations. Cases are separated by "// ----" lines; an
// ERROR comment with the expected message sits right before the token
// where the error is reported.
let x; let /* ERROR "Identifier 'x' has already been declared" */ x;
// ----
var y; let /* ERROR "Identifier 'y' has already been declared" */ y;
// ----
const z = 1; { var /* ERROR "Identifier 'z' has already been declared" */ z; }
// ----
function f(a) { let /* ERROR "Identifier 'a' has already been declared" */ a; }
// ----
try {} catch (e) { let /* ERROR "Identifier 'e' has already been declared" */ e; }
// ----
try {} catch ([e]) { var /* ERROR "Identifier 'e' has already been declared" */ e; }
// ----
class C {} class /* ERROR "Identifier 'C' has already been declared" */ C {}
// ----
{ function g() {} let /* ERROR "Identifier 'g' has already been declared" */ g; }
// ----
'use strict'; { function h() {} function /* ERROR "Identifier 'h' has already been declared" */ h() {} }
// ----
const /* ERROR "Missing initializer in const declaration" */ c;
// ----
let /* ERROR "let is disallowed as a lexically bound name" */ let = 1;
// ----
for (let /* ERROR "Invalid left-hand side in for-of loop: Must have a single binding." */ i, j of x);
