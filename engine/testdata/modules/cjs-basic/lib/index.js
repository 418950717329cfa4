module.exports = { fromIndex: "index.js" };
