exports.fromPkg = "pkg main";
