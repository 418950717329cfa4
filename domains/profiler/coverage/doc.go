// Package coverage turns the engine's raw coverage counters into the
// coverage V8 reports, exactly: the post-processing of V8's
// src/debug/debug-coverage.cc (Coverage::Collect and its block passes) and
// the inspector's conversion to the Profiler domain's ScriptCoverage
// (coverageToProtocol in src/inspector/v8-profiler-agent-impl.cc). It is
// pure: data in, data out, no engine state.
//
// # Pipeline
//
// The engine hands Collect one Script per user script (script list order,
// oldest first), each with every Function it has a SharedFunctionInfo for:
// range, debug name, invocation count, and — if compiled under a block
// mode — its block counter slots. Collect sorts each script's functions
// outer before inner, adjusts counts for the Mode, normalizes block slots
// into nested ranges (collectBlocks: clampToBinary,
// rewriteFunctionScopeCounter, filterAliasedSingletons,
// rewritePositionSingletonsToRanges, mergeConsecutiveRanges,
// mergeDuplicateRanges, mergeNestedRanges, filterUncoveredRanges,
// filterEmptyRanges, in V8's order), keeps the relevant functions, and
// returns ScriptData. ToProtocol makes the CDP shape: per function, its own
// range first, then its blocks.
//
// # What the engine supplies and does (V8's behaviour)
//
//   - Offsets are UTF-16 code units of the script source (ast.LineIndex).
//   - A Function exists for the top level and for each function literal of
//     every function that has been compiled: V8 creates inner
//     SharedFunctionInfos when compiling the outer function. A function
//     nested in a never-compiled function does not exist and is not
//     reported at all.
//   - Function.Start is V8's function token position or start position,
//     which the expectations show: `function` or the `async` before it for
//     declarations and expressions; an arrow's parameters (or its
//     `async`); a method's name, with `get`, `set`, `async` or `*` but
//     without `static`; `constructor`. Default class constructors have an
//     empty range and are never reported. Class fields and static blocks
//     run in the synthetic functions "<instance_members_initializer>"
//     (range: `class` through the closing brace) and
//     "<static_initializer>" (in classes_fields_static.js it starts at the
//     last static field before the static block: take node's output as
//     the reference); they are ordinary functions here. Names are V8's
//     inferred names: `api.later`, `api.<computed>` for `api[sym] =
//     function…`, the enclosing variable's name for a computed-key method.
//   - Function.Count is the feedback vectors' invocation count: each entry
//     to the function's bytecode, so generators, async functions and
//     modules count their first call and every resumption (an ES module's
//     top level counts 2 even without await). The
//     block modes replace it with the function-scope counter, which counts
//     calls only. Functions in optimized code do not count, so precise
//     coverage deoptimizes everything and disables tier-up.
//   - Block slots come from the compiler, one per coverage range of the
//     syntax (see engine/ast's doc and corpus_raw_test.go for the slot
//     rules as V8's parser and SourceRangeAstVisitor apply them), plus the
//     function-scope slot. Of note: the ranges of && || ?? start at the
//     operator (`|| b`), those of ?: at `?` and `:`, optional chains report
//     `?.x` ranges, and logical assignments (??= ||= &&=) and default
//     parameter values report none.
//   - Starting a precise mode: deoptimize, allocate feedback vectors for
//     all closures and pin every vector as a GC root (so functions that
//     become garbage are still reported), clear invocation counts, and in
//     binary modes clear every ReportedBinary. Functions compiled from then
//     on get block counters in block modes; V8 does not recompile functions
//     compiled before (they report function ranges only).
//   - Each precise take: read the invocation counts and reset them to 0,
//     and reset the block counters of every function with counters after
//     collecting (whether or not it was reported). So a take reports only
//     what ran since the previous one — a second take with nothing run in
//     between reports nothing. In binary modes, set ReportedBinary on
//     Result.Reported; V8 also unpins the vectors list then (vectors
//     created later are pinned again), which is observable only for a
//     function whose vector existed with count 0 at a take.
//   - Best-effort: no state, no reset; Count is the sum over the live
//     closures' feedback vectors (those already collected are lost), and a
//     function is reported as 1 or 0. Node's own results also depend on
//     V8's lazy feedback allocation: a function without a vector yet is
//     guessed from its interrupt budget (scaled by bytecode size), so node
//     reports some never-called small functions as covered and misses some
//     called ones. Our engine allocates vectors on the first call, which is
//     node under --no-lazy-feedback-allocation: the expectations'
//     "bestEffortEagerFeedback" mode, the one to match exactly; the
//     default "bestEffort" is recorded for reference.
//   - Compilation is lazy, except where V8's parser compiles eagerly: a
//     function expression right after `(` (not an arrow), which includes a
//     `new Function` body (its synthesized source is parenthesized). So a
//     never-called function is reported (count 0, when its parent ran)
//     with isBlockCoverage false, unless it was compiled eagerly: then
//     true (testdata/corpus/eager_compile_heuristics.js).
//   - Each eval'd source and each `new Function` is its own script (url
//     "", or its //# sourceURL), top level included; a `new Function`
//     source is "(function anonymous(…\n) {\n…\n})" and its function is
//     reported with name "".
//
// # Testdata
//
// testdata/corpus holds our scripts, one construct each;
// testdata/expected holds node's coverage for them in every mode, made by
// testdata/gen.mjs (`node domains/profiler/coverage/testdata/gen.mjs`),
// which documents how node is driven. A corpus script may define a global
// afterFirstTake(); the harness calls it between two takes.
package coverage
