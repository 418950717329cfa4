exports.self = (function () { return this; })();
