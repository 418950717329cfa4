// Early errors of modules (parsed with the Module goal).
export { /* ERROR "Export 'nope' is not defined in module" */ nope };
// ----
var a; export { a }; export { a as /* ERROR "Duplicate export of 'a'" */ a };
// ----
var /* ERROR "Unexpected reserved word" */ await;
// ----
/* ERROR "HTML comments are not allowed in modules" */ <!-- x
// ----
import { b } from 'm'; let /* ERROR "Identifier 'b' has already been declared" */ b;
