// gen.mjs — regenerate the coverage expectations from node, the oracle.
//
//   node domains/profiler/coverage/testdata/gen.mjs            # every corpus file
//   node domains/profiler/coverage/testdata/gen.mjs if_else.js # only these
//
// Arguments starting with -- are passed to every child node (for
// experiments, e.g. --no-lazy-feedback-allocation); the committed files use
// none.
//
// For every corpus/*.js (classic scripts) and corpus/*.mjs (ES modules), and
// for every coverage mode below, this starts a fresh `node --expose-gc` child
// (this same file, with --child) that:
//
//   1. opens an in-process inspector.Session and sends Profiler.enable;
//   2. for the precise modes, sends Profiler.startPreciseCoverage with the
//      mode's callCount/detailed flags BEFORE the corpus file is compiled, so
//      every function of it is compiled under that mode;
//   3. loads the corpus file so that its top level is the script itself, with
//      no wrapper function around it:
//        - .js: new vm.Script(source, {filename}).runInThisContext(), the way
//          our engine runs a classic script. node's CommonJS loader (require)
//          compiles the file as the body of a wrapper function (exports,
//          require, module, __filename, __dirname); node 20 reports that
//          wrapper in place of a top level, same range [0, length) and
//          count, but its var and function declarations are locals, not
//          globals, and older nodes reported the wrapper as an extra
//          function next to the script (v8:9212). So require is not used.
//          The vm.Script object stays referenced until the end, which keeps
//          the script's top-level SharedFunctionInfo alive;
//        - .mjs: import() of its file URL (node does not wrap ES modules);
//   4. waits for the event loop to drain (process 'beforeExit'), so promise
//      jobs and async functions have settled;
//   5. calls gc() (hence --expose-gc; makes best-effort results independent
//      of when V8 happened to collect), takes coverage (takePreciseCoverage,
//      or getBestEffortCoverage), calls the corpus' global afterFirstTake()
//      if it defines one, calls gc() again and takes coverage a second time:
//      V8 resets counters on each precise take, so the second take shows
//      "reset after take" (and has_reported_binary_coverage in the binary
//      modes); best-effort keeps no state and is cumulative.
//
// The parent keeps, from each take, the ScriptCoverage of the corpus file and
// of the other scripts that are not node's own (eval'd code, `new Function`,
// with url "" or the sourceURL they name), in V8's order. The
// corpus file's url becomes its base name; scriptId is dropped (ids are the
// engine's own business). The result goes to expected/<name>.json:
//
//   {
//     "script": "<name>",
//     "stdout": "<what the corpus printed, hooks included>",
//     "modes": {
//       "<mode>": {"first": [ScriptCoverage…], "second": [ScriptCoverage…]},
//       …
//     }
//   }
//
// with ScriptCoverage = {"url", "functions": [{"functionName", "ranges":
// [{"startOffset", "endOffset", "count"}], "isBlockCoverage"}]} exactly as
// node returns it. The output is deterministic: rerunning gives identical
// files (the generator checks the stdout of all modes agree).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.join(here, "corpus");
const expectedDir = path.join(here, "expected");

// MODES: name → how the child collects. callCount/detailed are the
// Profiler.startPreciseCoverage flags; V8 maps them to its CoverageMode:
// blockCount = kBlockCount, blockBinary = kBlockBinary, functionCount =
// kPreciseCount, functionBinary = kPreciseBinary; bestEffort never starts
// precise coverage and uses Profiler.getBestEffortCoverage.
// bestEffortEagerFeedback is best-effort with feedback vectors allocated on
// a function's first call (--no-lazy-feedback-allocation), as our engine
// does: default node guesses whether a function without a vector ran from
// its interrupt budget, which depends on V8's bytecode sizes. Precise modes
// allocate vectors eagerly anyway, so the flag does not change them.
const MODES = {
  blockCount: { precise: true, callCount: true, detailed: true },
  blockBinary: { precise: true, callCount: false, detailed: true },
  functionCount: { precise: true, callCount: true, detailed: false },
  functionBinary: { precise: true, callCount: false, detailed: false },
  bestEffort: { precise: false },
  bestEffortEagerFeedback: { precise: false, flags: ["--no-lazy-feedback-allocation"] },
};

if (process.argv[2] === "--child") {
  await child(process.argv[3], process.argv[4]);
} else {
  parent(process.argv.slice(2));
}

// child runs one corpus file under one mode and writes the raw takes to fd 3.
async function child(modeName, file) {
  const inspector = await import("node:inspector");
  const vm = await import("node:vm");
  const mode = MODES[modeName];
  // The corpus may shadow any global (a script declaring `function
  // process() {}` replaces globalThis.process), so hold ours first.
  const proc = process;
  const collect = globalThis.gc;
  const session = new inspector.Session();
  session.connect();
  // The in-process session answers synchronously.
  const post = (method, params) => {
    let error, result;
    session.post(method, params, (e, r) => {
      error = e;
      result = r;
    });
    if (error) throw error;
    if (result === undefined) throw new Error(method + " did not answer synchronously");
    return result;
  };
  post("Profiler.enable", {});
  if (mode.precise) {
    post("Profiler.startPreciseCoverage", {
      callCount: mode.callCount,
      detailed: mode.detailed,
    });
  }
  const take = () =>
    mode.precise
      ? post("Profiler.takePreciseCoverage", {}).result
      : post("Profiler.getBestEffortCoverage", {}).result;

  let keepAlive;
  if (file.endsWith(".mjs")) {
    keepAlive = await import(pathToFileURL(file).href);
  } else {
    keepAlive = new vm.Script(fs.readFileSync(file, "utf8"), { filename: file });
    keepAlive.runInThisContext();
  }

  proc.once("beforeExit", () => {
    collect();
    const first = take();
    if (typeof globalThis.afterFirstTake === "function") globalThis.afterFirstTake();
    collect();
    const second = take();
    fs.writeSync(3, JSON.stringify({ first, second, kept: typeof keepAlive }));
  });
}

function parent(args) {
  const extraFlags = args.filter((a) => a.startsWith("--"));
  const only = args.filter((a) => !a.startsWith("--"));
  const names = fs
    .readdirSync(corpusDir)
    .filter((n) => n.endsWith(".js") || n.endsWith(".mjs"))
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
  fs.mkdirSync(expectedDir, { recursive: true });
  for (const name of names) {
    const file = path.join(corpusDir, name);
    const url = pathToFileURL(file).href;
    const out = { script: name, stdout: null, modes: {} };
    for (const modeName of Object.keys(MODES)) {
      const r = spawnSync(
        process.execPath,
        ["--expose-gc", ...(MODES[modeName].flags ?? []), ...extraFlags, fileURLToPath(import.meta.url), "--child", modeName, file],
        { stdio: ["ignore", "pipe", "pipe", "pipe"], encoding: "utf8" }
      );
      if (r.status !== 0 || r.stderr) {
        throw new Error(`${name} (${modeName}) failed: status ${r.status}\n${r.stderr}`);
      }
      if (out.stdout === null) out.stdout = r.stdout;
      else if (out.stdout !== r.stdout) {
        throw new Error(`${name}: stdout differs between modes:\n${out.stdout}\n---\n${r.stdout}`);
      }
      const raw = JSON.parse(r.output[3]);
      out.modes[modeName] = {
        first: select(raw.first, url, name),
        second: select(raw.second, url, name),
      };
    }
    fs.writeFileSync(path.join(expectedDir, name.replace(/\.m?js$/, ".json")), format(out));
    console.log("wrote", name);
  }
}

// select keeps the corpus script and the other scripts that are not node's
// own (node's are "node:…", this generator is a file: URL): the eval'd code
// and Function-constructor bodies the corpus created, with url "" or their
// sourceURL. It keeps V8's order, renames the corpus url to its base name
// and drops ids.
function select(scripts, url, name) {
  const kept = [];
  for (const s of scripts) {
    if (s.url !== url && (s.url.startsWith("node:") || s.url.startsWith("file:"))) continue;
    kept.push({ url: s.url === url ? name : s.url, functions: s.functions });
  }
  return kept;
}

// format writes one function per line, so diffs of expectations stay
// readable, with keys in the protocol's order.
function format(out) {
  const scripts = (list, indent) => {
    if (list.length === 0) return "[]";
    const pad = " ".repeat(indent);
    return (
      "[\n" +
      list
        .map(
          (s) =>
            `${pad}  {"url": ${JSON.stringify(s.url)}, "functions": [\n` +
            s.functions
              .map(
                (f) =>
                  `${pad}    {"functionName": ${JSON.stringify(f.functionName)}, "ranges": [` +
                  f.ranges
                    .map((r) => `{"startOffset": ${r.startOffset}, "endOffset": ${r.endOffset}, "count": ${r.count}}`)
                    .join(", ") +
                  `], "isBlockCoverage": ${f.isBlockCoverage}}`
              )
              .join(",\n") +
            `\n${pad}  ]}`
        )
        .join(",\n") +
      `\n${pad}]`
    );
  };
  let s = "{\n";
  s += `  "script": ${JSON.stringify(out.script)},\n`;
  s += `  "stdout": ${JSON.stringify(out.stdout)},\n`;
  s += `  "modes": {\n`;
  s += Object.entries(out.modes)
    .map(
      ([m, t]) =>
        `    ${JSON.stringify(m)}: {\n      "first": ${scripts(t.first, 6)},\n      "second": ${scripts(t.second, 6)}\n    }`
    )
    .join(",\n");
  s += "\n  }\n}\n";
  return s;
}
