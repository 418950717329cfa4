// The process object's shape (values that differ between runs are only
// typed), and util.inspect of promises and async functions.
const log = (...a) => console.log(...a);
log(process.version.startsWith('v20.'), typeof process.pid, process.argv.length >= 2, typeof process.argv[0]);
log(typeof process.env, typeof process.env.PATH, process.platform === require_platform());
log(Object.keys(process.memoryUsage()), process.memoryUsage().heapUsed > 0);
const t = process.hrtime();
log(t.length, Number.isInteger(t[0]), t[1] >= 0 && t[1] < 1e9);
const d = process.hrtime(t);
log(d[0] >= 0, d[1] >= 0);
log(typeof process.cwd(), process.cwd().length > 0, typeof process.exit, typeof process.nextTick);
log(process.exitCode, typeof process.on, process.listenerCount('exit'));
const onExit = () => log('exit listener', process.exitCode);
process.on('exit', onExit);
log(process.listenerCount('exit'));
process.off('exit', onExit);
process.once('exit', (code) => log('exit once', code));
log(process.listenerCount('exit'), process.emit('nothing'), process.emit('custom-none', 1));
process.on('custom', (a, b) => log('custom event', a, b));
log(process.emit('custom', 1, 2));

function require_platform() { return process.platform; }

// util.inspect of promises and async functions.
log(Promise.resolve(1), new Promise(() => {}), Promise.resolve({ a: [1, 2], b: 'x' }));
const rr = Promise.reject(42);
rr.catch(() => {});
log(rr);
async function af() {}
function* gf() {}
async function* agf() {}
log(af, gf, agf, async () => {}, [af]);
const p = Promise.resolve(5);
p.extra = 1;
log(p);
class MyP extends Promise {}
log(MyP.resolve(2));
log(Promise.resolve(Promise.resolve(7)));
