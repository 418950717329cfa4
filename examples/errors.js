// An uncaught error ends the program as in node: the message and stack on
// stderr, exit status 1.
function parse(text) {
  if (typeof text !== 'string') {
    throw new TypeError('parse() wants a string, got ' + typeof text);
  }
  return text.split(',');
}

try {
  parse(42);
} catch (e) {
  console.log('caught:', e.message);
}
console.log(parse('a,b,c'));
parse(null);
