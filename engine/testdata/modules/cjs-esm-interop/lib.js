exports.fromJs = "commonjs .js";
