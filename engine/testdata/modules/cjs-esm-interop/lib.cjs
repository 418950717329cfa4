module.exports = { fromCjs: true };
