let n = 0;
exports.name = 'a';
exports.counter = () => ++n;
