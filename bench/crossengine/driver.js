// Sonde cross-engine harness driver (bench/crossengine/driver.js).
//
// Appended after Octane's base.js and one benchmark file, in place of
// Octane's run.js: runs the registered suites the way run.js does and prints
// one line per event for the harness to parse:
//
//   @octane result <name> <score>      a suite's score (Octane's formatting)
//   @octane error <name> <message>     a suite threw or failed its own check
//   @octane total <score>              the geometric mean over the suites
//   @octane done                       the driver reached its end
//
// Messages are escaped (\\, \n, \r) so every event is one line. Only ES5
// and no JSON or RegExp, so that a young engine can run it.
(function () {
  var out = typeof print === 'function' ? print : function (s) { console.log(s); };

  function escape(s) {
    return s.split('\\').join('\\\\').split('\n').join('\\n').split('\r').join('\\r');
  }

  function describe(e) {
    var text;
    try {
      text = (e && typeof e === 'object' && e.stack) ? String(e.stack) : String(e);
      if (e && typeof e === 'object' && e.stack && text.indexOf(String(e.message)) < 0) {
        text = String(e) + '\n' + text;
      }
    } catch (inner) {
      text = 'unprintable error';
    }
    return escape(text);
  }

  // As run.js: let each benchmark choose warmup and deterministic mode.
  BenchmarkSuite.config.doWarmup = undefined;
  BenchmarkSuite.config.doDeterministic = undefined;

  BenchmarkSuite.RunSuites({
    NotifyResult: function (name, result) { out('@octane result ' + name + ' ' + result); },
    NotifyError: function (name, error) { out('@octane error ' + name + ' ' + describe(error)); },
    NotifyScore: function (score) { out('@octane total ' + score); }
  });
  out('@octane done');
})();
