module.exports = function replaced() { return "replaced " + typeof module.exports; };
