// Early errors of classes. See declarations.js for the format.
class A { constructor() {} /* ERROR "A class may only have one constructor" */ constructor() {} }
// ----
class A { get /* ERROR "Class constructor may not be an accessor" */ constructor() {} }
// ----
class A { static /* ERROR "Classes may not have a static property named 'prototype'" */ prototype() {} }
// ----
class A { #p; /* ERROR "Identifier '#p' has already been declared" */ #p; }
// ----
class A { m() { return this/* ERROR "Private field '#q' must be declared in an enclosing class" */.#q } }
// ----
class A { x = /* ERROR "'arguments' is not allowed in class field initializer or static initialization block" */ arguments }
// ----
class A { m() { /* ERROR "'super' keyword unexpected here" */ super() } }
// ----
class A { #x; m() { delete this./* ERROR "Private fields can not be deleted" */#x } }
