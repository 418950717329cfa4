// Several functions on one line, so ranges are distinguished by offsets only.
function a() { return 1; } function b() { return 2; } var c = function () { return b() + 3; };
var d = (x) => x ? a() : b(), e = () => d(0) + d(1), f = function () { return "never"; };
console.log(a(), c(), e());
