// Number.prototype, Boolean.prototype and String.prototype are wrappers of 0, false and "".
console.log(Number.prototype.toString(), Boolean.prototype.valueOf(), JSON.stringify(String.prototype.toString()), String.prototype.length);
console.log(Object.prototype.toString.call(Number.prototype), Object.prototype.toString.call(String.prototype), Object.prototype.toString.call(Boolean.prototype));
console.log(Number.prototype + 1, String.prototype + "x");
