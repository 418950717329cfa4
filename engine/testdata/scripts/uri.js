// encodeURI, encodeURIComponent, decodeURI, decodeURIComponent.
function t(f, s) { try { return f(s); } catch (e) { return e.constructor.name; } }
var inputs = ["http://a.b/c d?e=f&g=h#i", "\u00e9\u4e2d\ud83d\ude00", ";/?:@&=+$,#", "\ud800", "\udc00x", "-_.!~*'()"];
for (var s of inputs) console.log(JSON.stringify([t(encodeURI, s), t(encodeURIComponent, s)]));
var enc = ["%41%42", "%3B%2F%3f", "%E4%B8%AD%F0%9F%98%80", "%", "%4", "%G0", "%C0%80", "%ED%A0%80", "%E4%B8", "%F8%80%80%80%80", "%C3%A9%23"];
for (var s of enc) console.log(JSON.stringify([t(decodeURI, s), t(decodeURIComponent, s)]));
console.log(encodeURI.length, decodeURIComponent.name);
