// A representative slice of ordinary application code, written for the
// parser benchmark: classes, closures, destructuring, templates, async.
'use strict';

const DEFAULT_OPTIONS = Object.freeze({
  retries: 3,
  timeout: 1500,
  verbose: false,
  tags: ['alpha', 'beta', "gamma"],
});

class EventEmitter {
  #listeners = new Map();
  static instances = 0;

  constructor(name = 'emitter') {
    this.name = name;
    EventEmitter.instances++;
  }

  on(event, fn) {
    let list = this.#listeners.get(event);
    if (!list) {
      list = [];
      this.#listeners.set(event, list);
    }
    list.push(fn);
    return () => this.off(event, fn);
  }

  off(event, fn) {
    const list = this.#listeners.get(event) ?? [];
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  }

  emit(event, ...args) {
    for (const fn of this.#listeners.get(event) || []) {
      try {
        fn.apply(this, args);
      } catch (err) {
        console.error(`listener for ${event} failed: ${err.message}`);
      }
    }
  }

  get size() {
    let n = 0;
    this.#listeners.forEach((list) => { n += list.length; });
    return n;
  }
}

function debounce(fn, wait) {
  let timer = null;
  return function debounced(...args) {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn.apply(this, args);
    }, wait);
  };
}

async function fetchAll(urls, { retries = DEFAULT_OPTIONS.retries, timeout } = {}) {
  const results = [];
  for (let i = 0; i < urls.length; i++) {
    let attempt = 0;
    while (attempt <= retries) {
      try {
        const res = await fetchWithTimeout(urls[i], timeout);
        results.push({ url: urls[i], status: res.status, ok: res.status >= 200 && res.status < 300 });
        break;
      } catch (e) {
        attempt += 1;
        if (attempt > retries) {
          results.push({ url: urls[i], error: String(e) });
        }
      }
    }
  }
  return results;
}

function fetchWithTimeout(url, ms = 1000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout after ' + ms + 'ms')), ms);
    fetch(url).then((r) => { clearTimeout(t); resolve(r); }, reject);
  });
}

const utils = {
  clamp(x, lo, hi) { return x < lo ? lo : x > hi ? hi : x; },
  range: function* (start, end, step = 1) {
    for (let x = start; x < end; x += step) yield x;
  },
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  groupBy(list, key) {
    const out = {};
    for (const item of list) {
      const k = typeof key === 'function' ? key(item) : item[key];
      (out[k] ||= []).push(item);
    }
    return out;
  },
  deepEqual(a, b) {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => utils.deepEqual(a[k], b[k]));
  },
};

function parseQuery(query) {
  const params = new Map();
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const [rawKey, rawValue = ''] = part.split('=');
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    params.set(key, decodeURIComponent(rawValue.replace(/\+/g, ' ')));
  }
  return params;
}

function formatBytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

switch (process.env.MODE) {
  case 'fast':
    DEFAULT_OPTIONS.timeout = 500;
    break;
  case 'slow':
  default:
    break;
}

const matrix = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => i * 8 + j));
const transposed = matrix[0].map((_, j) => matrix.map((row) => row[j]));
const flat = transposed.flat().filter((x) => x % 3 === 0).map((x) => x ** 2);
label: for (const row of matrix) {
  for (const cell of row) {
    if (cell > 40) break label;
    if (cell % 2) continue;
  }
}
