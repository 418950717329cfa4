var log=[];
function mk(n){ var it={next(){log.push('next');n--; return {done:n<0,value:n}}, return(){log.push('ret', this===it, arguments.length); return {}}}; return {[Symbol.iterator](){return it}}; }
function* g(){ var o={}; [ o.a = yield ] = mk(0); log.push('unreach'); }
var i=g(); i.next(); console.log(JSON.stringify(i.return(5)), log.join()); log=[];
function* g2(){ [ {} = yield ] = mk(3); }
i=g2(); i.next(); console.log(JSON.stringify(i.return(6)), log.join()); log=[];
i=g2(); i.next(); try { i.throw(new Error('x')) } catch(e){ console.log(e.message) } console.log(log.join()); log=[];
function* g3(){ [ ...{}[yield] ] = mk(3); }
i=g3(); i.next(); console.log(JSON.stringify(i.return(7)), log.join()); log=[];
var bad={[Symbol.iterator](){return {next(){return {done:false}}, return(){throw new Error('from return')}}}};
function* g4(){ [ {} = yield ] = bad; }
i=g4(); i.next(); try { i.return(1) } catch(e){ console.log(e.message) }
var nul={[Symbol.iterator](){return {next(){return {done:false}}, return(){return null}}}};
function* g5(){ [ {} = yield ] = nul; }
i=g5(); i.next(); try { i.return(1) } catch(e){ console.log(e.constructor.name) }
try { [...{}[(()=>{throw new Error('lref')})()]] = mk(3) } catch(e){ console.log(e.message, log.join()) } log=[];
var o={ set q(v){ log.push('set') } };
var src={get p(){ log.push('get'); return 1 }};
({ p: (log.push('tgt'), o).q } = src); console.log(log.join()); log=[];
function* g6(){ for ([ {} = yield ] of [mk(3)]) ; }
i=g6(); i.next(); console.log(JSON.stringify(i.return(8)), log.join()); log=[];
