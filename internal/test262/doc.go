// Package test262 runs the ECMAScript conformance suite, tc39/test262, against
// a JavaScript engine and reports what passes.
//
// test262 itself is not vendored: point the runner at a checkout (the
// TEST262_DIR environment variable by convention). The package follows the
// suite's INTERPRETING.md to the letter:
//
//   - Discover walks test/ (or chosen subdirectories and files), leaving out
//     module fixtures (names containing "_FIXTURE").
//   - ParseMetadata reads each file's YAML frontmatter (/*--- … ---*/) with a
//     small hand-written parser for the subset test262 uses.
//   - Plan turns a test into jobs: one per variant (non-strict, strict,
//     module, raw), each with its harness prelude (assert.js, sta.js,
//     doneprintHandle.js for async tests, then the test's includes, in order)
//     and the source as it must be evaluated ("use strict"; prefixed for the
//     strict variant).
//   - An Engine executes a job and returns what happened (an Execution: which
//     phase threw what, what was printed); Classify turns that into an
//     Outcome (pass, fail, skip) using the test's negative and async
//     metadata. Classification lives here, once, so every engine is judged
//     the same way.
//   - Runner drives an engine over many tests in parallel with a per-job
//     timeout; a SkipList removes tests of features Sonde does not target,
//     and tests that need $262 host features the engine lacks.
//   - Summarize, WriteText, WriteFailures and Compare report pass rates per
//     directory, a JSON summary, the failure list and the difference from a
//     baseline summary.
//
// Two engines exist: NodeEngine (node's vm module, used to validate the
// runner itself) and RealmEngine, an adapter from the small in-process
// RealmHost interface that Sonde's engine implements.
package test262
