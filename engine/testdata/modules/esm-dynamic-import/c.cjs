module.exports = { cjs: 1 };
