#!/usr/bin/env node
// gen.js records what node (V8) returns for the Date algorithms package
// jsdate implements, so that the Go tests can compare against V8 without
// node.
//
// Regenerate (from the repository root) with:
//
//   node engine/jsdate/testdata/gen.js > engine/jsdate/testdata/expected.json
//
// The zone-independent sections (UTC decomposition, Date.UTC, TimeClip,
// toISOString, toUTCString, toJSON) are recorded by this process. For the
// local-time sections the script runs itself once per zone in ZONES, with TZ
// set to the zone and the locale forced to en-US (LC_ALL=en_US.UTF-8), and
// records each child's output under zones[<name>]; for the further zones of
// NAME_ZONES it records toString at a few instants under names[<name>].
// Whatever TZ and locale the parent has do not matter.
//
// The inputs are deterministic: hand-picked edge cases, pseudo-random values
// from a fixed seed, and the DST transitions each zone has (found by search).
// Numbers are written as strings: String(x), except "-0" for negative zero,
// so "NaN" is an invalid date and Go's strconv.ParseFloat reads every one
// exactly. A call that throws is recorded as "!" followed by "Name: message".
// Recorded with node v20 (V8 11.3, ICU 78 / tz 2025c).
'use strict';

const { execFileSync } = require('child_process');

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin'];

// Further zones for which only toString is recorded, at a few instants: they
// check the offsets more widely and show where the zone names differ.
const NAME_ZONES = ['America/Los_Angeles', 'America/Chicago', 'America/Denver', 'America/Phoenix',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'America/Sao_Paulo',
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Helsinki', 'Europe/Moscow',
  'Africa/Johannesburg', 'Africa/Nairobi', 'Africa/Lagos', 'Asia/Jerusalem', 'Asia/Dubai', 'Asia/Karachi',
  'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Jakarta', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Manila',
  'Asia/Seoul', 'Asia/Tokyo', 'Australia/Perth', 'Australia/Adelaide', 'Australia/Sydney',
  'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Apia', 'Etc/UTC', 'Etc/GMT', 'Etc/GMT-3', 'Etc/GMT+11'];
const NAME_TIMES = [-8.64e15, -1e13, -5e11, 0, 6e11, 9.5e11, 1e12, 1.2e12, 1.5e12, 1.75e12, 1.77e12, 1.79e12, 2.2e12,
  5e12, 8.64e15];

// ---------------------------------------------------------------- helpers

// mulberry32: a small fixed-seed generator, good enough to vary inputs.
let seed = 0x0da7e5ed;
function rnd32() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}
function rnd(n) { return rnd32() % n; }
function pick(a) { return a[rnd(a.length)]; }
// A uniformly random integer in [lo, hi] (|lo|, |hi| ≤ 2^53).
function rndInt(lo, hi) {
  const span = hi - lo + 1;
  const r = (rnd32() * 4294967296 + rnd32()) / 18446744073709551616;
  return lo + Math.floor(r * span);
}

function num(x) { return Object.is(x, -0) ? '-0' : String(x); }

function attempt(f) {
  try { return f(); } catch (e) { return '!' + e.name + ': ' + e.message; }
}

const MAX = 8.64e15;
const DAY = 86400000;

// ---------------------------------------------------------------- child

// The sections that depend on the local time zone.
function zoneSections() {
  const zone = process.env.TZ;
  const locale = new Intl.DateTimeFormat().resolvedOptions().locale;
  if (locale !== 'en-US') throw new Error('default locale is ' + locale + ', want en-US');
  const out = { zone };

  // Offsets east of UTC in minutes, as getTimezoneOffset reports them
  // (truncated), to find the transitions.
  const offAt = t => -new Date(t).getTimezoneOffset();
  // The first instant (ms) in (lo, hi] whose offset differs from lo's.
  function findChange(lo, hi) {
    const o = offAt(lo);
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offAt(mid) === o) lo = mid; else hi = mid;
    }
    return hi;
  }
  const transitions = [];
  function scan(from, to, step) {
    for (let t = from; t < to; t += step) {
      if (offAt(t) !== offAt(t + step)) transitions.push(findChange(t, t + step));
    }
  }
  scan(Date.UTC(1870, 0, 1), Date.UTC(2040, 0, 1), DAY);
  for (const y of [2100, 2500, 9999, 10000, 123456, 275759]) {
    const s = new Date(0).setUTCFullYear(y, 0, 1);
    scan(s, s + 366 * DAY, DAY);
  }
  out.transitions = transitions.map(num);

  // Times to decompose and format in local time.
  const times = [0, -1, 1, MAX, -MAX, MAX - 1, -MAX + 1, 951782400000, 1e12, 2147483647000,
    2147483648000, -2147483648000, -5364662400000, -5348851200000, 253402300799999, 253402300800000,
    -62198755200000, -62198755200001, -62135596800000, -62135596800001, 1790000000000, 4102444800000];
  for (let i = 0; i < 700; i++) times.push(rndInt(-MAX, MAX));
  for (let i = 0; i < 700; i++) times.push(rndInt(Date.UTC(1850, 0, 1), Date.UTC(2100, 0, 1)));
  for (const T of transitions) {
    for (const d of [-3600001, -3600000, -1800000, -1, 0, 1, 1800000, 3600000, DAY]) times.push(T + d);
  }
  out.local = times.map(t => {
    const d = new Date(t);
    return [num(t), num(d.getTimezoneOffset()), num(d.getFullYear()), num(d.getMonth()), num(d.getDate()),
      num(d.getDay()), num(d.getHours()), num(d.getMinutes()), num(d.getSeconds()), num(d.getMilliseconds()),
      d.toString(), d.toDateString(), d.toTimeString(), d.toLocaleString(), d.toLocaleDateString(),
      d.toLocaleTimeString()];
  });
  out.invalid = [String(new Date(NaN)), new Date(NaN).toDateString(), new Date(NaN).toTimeString(),
    new Date(NaN).toLocaleString(), new Date(NaN).toLocaleDateString(), new Date(NaN).toLocaleTimeString()];

  // Local date-times to convert to UTC: new Date(y, m, d, h, min, s, ms).
  const fields = [];
  const fieldsOf = l => { const d = new Date(l); return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(),
    d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]; };
  for (const T of transitions) {
    const before = offAt(T - 1) * 60000, after = offAt(T) * 60000;
    for (const o of new Set([before, after])) {
      for (let k = -4; k <= 4; k++) fields.push(fieldsOf(T + o + k * 900000));
      fields.push(fieldsOf(T + o - 1), fieldsOf(T + o + 1));
    }
  }
  for (let i = 0; i < 600; i++) fields.push(fieldsOf(rndInt(-MAX - 2 * DAY, MAX + 2 * DAY)));
  for (let i = 0; i < 300; i++) fields.push(fieldsOf(rndInt(Date.UTC(1850, 0, 1), Date.UTC(2100, 0, 1))));
  fields.push([275760, 8, 13, 0, 0, 0, 0], [275760, 8, 12, 23, 59, 59, 999], [275760, 8, 13, 2, 0, 0, 0],
    [-271821, 3, 20, 0, 0, 0, 0], [-271821, 3, 19, 20, 0, 0, 0], [-271821, 3, 19, 23, 0, 0, 0],
    [275760, 9, 13, 0, 0, 0, 0], [275760, 9, 12, 23, 59, 59, 999], [-271821, 2, 20, 0, 0, 0, 0],
    [-271821, 2, 21, 0, 0, 0, 0], [99, 0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0], [1800, 6, 1, 12, 0, 0, 0],
    [2026, 0, 1, 0, 0, 0, 1e15], [2026, 0, 1, 0, 0, 0, 2.6e15], [2026, 0, 1, 0, 0, 0, -1e16]);
  for (let i = 0; i < 200; i++) {
    fields.push([rndInt(1800, 2100), rndInt(-30, 30), rndInt(-400, 400), rndInt(-50, 50), rndInt(-200, 200),
      rndInt(-5000, 5000), rndInt(-1e7, 1e7)]);
  }
  out.makeLocal = fields.map(f => [...f.map(num), num(new Date(...f).getTime())]);

  out.parse = parseStrings.map(s => [s, num(Date.parse(s))]);
  return out;
}

// ---------------------------------------------------------------- parse inputs

const hand = [
  // ISO forms
  '2026-11-21', '2026-11', '2026', '+002026-11-21', '-002026-11-21', '+275760-09-13', '-271821-04-20',
  '-271821-04-19', '+275760-09-14', '-000000-01-01', '+000000-01-01', '-000001-01-01T00:00:00Z',
  '0000-01-01', '0099-01-01', '0049-12-31', '1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z',
  '2026-11-21T10:00', '2026-11-21T10:00:00', '2026-11-21T10:00:00.1', '2026-11-21T10:00:00.12',
  '2026-11-21T10:00:00.123', '2026-11-21T10:00:00.1234', '2026-11-21T10:00:00.123456789012',
  '2026-11-21T10:00:00.999999', '2026-11-21T10:00:00.', '2026-11-21T10:00:00.Z', '2026-11-21T10:00Z',
  '2026-11-21T10:00:00Z', '2026-11-21T10:00:00+01:00', '2026-11-21T10:00:00-05:30', '2026-11-21T10:00:00+0100',
  '2026-11-21T10:00:00+01', '2026-11-21T10:00:00+1:00', '2026-11-21T10:00:00+24:00', '2026-11-21T10:00:00+23:59',
  '2026-11-21T10:00:00+23:60', '2026-11-21T10:00:00-2359', '2026-11-21T10:00:00z', '2026-11-21t10:00:00Z',
  '2026-11-21T24:00', '2026-11-21T24:00:00', '2026-11-21T24:00:00.000', '2026-11-21T24:00:00.0',
  '2026-11-21T24:00:01', '2026-11-21T24:01', '2026-11-21T24:00:00.001', '2026-11-21T25:00', '2026-11-21T23:60',
  '2026-11-21T23:59:60', '2026-11-21T10', '2026-11-21T1:00', '2026-11-21T10:0', '2026-11-21T10:00:0',
  '2026-11-21T', '2026-11-21T10:00:00 ', ' 2026-11-21', '2026-11-21 ', '2026-11-21 10:00', '2026-11-21 10:00Z',
  '2026-11-21 10:00:00 GMT', '2026-11-21 10:00:00 +0100', '2026-11-21  10:00', '2026-11-21T10:00:00UTC',
  '2026-11-21T10:00:00 UTC', '2026-11-21T10:00:00GMT', '2026-13-01', '2026-00-01', '2026-02-29', '2026-02-30',
  '2026-02-31', '2026-04-31', '2026-01-32', '2026-01-00', '2026-1-1', '2026-01-1', '2026-1', '2026-011-21',
  '20261121', '202611', '12026-01-01', '+12026-01-01', '+0020260-01-01', '2026/11/21', '2026.11.21',
  '2026-11-21T10:00:00.000+01:00garbage', '2026-11-21garbage', '2026-11-21 garbage', '2026-11-21T10:00:00.000Zx',
  '1970-01-01T00:00:00.000+00:00', '-000001-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z',
  '2026-03-08T02:30', '2026-03-08T02:30:00', '2026-11-01T01:30', '2026-03-29T02:30', '2026-10-25T02:30',
  '2026-11-21T10:00:00.000-00:00', '2026-11-21T00:00-00:00', '2026-11-21T10:00+01:00:00',
  // toString / toUTCString / RFC 2822 and friends
  'Sat Nov 21 2026 09:24:32 GMT+0000 (Coordinated Universal Time)',
  'Sat Nov 21 2026 09:24:32 GMT-0500 (Eastern Standard Time)',
  'Sat Nov 21 2026 09:24:32 GMT+0100 (Central European Standard Time)',
  'Sat Nov 21 2026 09:24:32 GMT+0100', 'Sat Nov 21 2026 09:24:32', 'Sat Nov 21 2026',
  'Sat, 21 Nov 2026 09:24:32 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT+0100',
  'Thu, 01 Jan 1970 00:00:00 +0000', 'Thu, 01 Jan 1970 00:00:00 -0800', 'Thu, 01 Jan 1970 00:00:00 UT',
  'Thu, 01 Jan 1970 00:00:00 UTC', 'Thu, 01 Jan 1970 00:00:00 Z', 'Thu, 01 Jan 1970 00:00:00 EST',
  'Thu, 01 Jan 1970 00:00:00 EDT', 'Thu, 01 Jan 1970 00:00:00 CST', 'Thu, 01 Jan 1970 00:00:00 CDT',
  'Thu, 01 Jan 1970 00:00:00 MST', 'Thu, 01 Jan 1970 00:00:00 MDT', 'Thu, 01 Jan 1970 00:00:00 PST',
  'Thu, 01 Jan 1970 00:00:00 PDT', 'Thu, 01 Jan 1970 00:00:00 CET', 'Thu, 01 Jan 1970 00:00:00 BST',
  'Thu, 01 Jan 1970 00:00:00 gmt', 'Thu, 01 Jan 1970 00:00:00 GMTX', 'Thu, 01 Jan 1970 00:00 GMT',
  'Fri Jan 01 -0001 00:00:00 GMT+0000', 'Tue Apr 20 -271821 00:00:00 GMT', 'Sat Sep 13 275760 00:00:00 GMT',
  'Sat Sep 13 275760 00:00:00 GMT+0000', 'Sat Sep 13 275760 01:00:00 GMT+0100', 'Sep 13 275760',
  'Sep 14 275760 00:00:00 GMT', 'Apr 19 -271821', 'Apr 20 271821 BC',
  'Nov 21 2026', 'Nov 21, 2026', 'November 21, 2026', 'nov 21 2026', 'NOV 21 2026', '21 Nov 2026',
  '21 November 2026 10:00', '21 Nov 2026 10:00:00 GMT', '2026 Nov 21', '2026 21 Nov', 'Nov 2026 21',
  'Nov 2026', '2026 Nov', 'Nov 21', '21 Nov', 'Nov', 'Nov 21 26', 'Nov 21 49', 'Nov 21 50', 'Nov 21 99',
  'Nov 21 100', 'Nov 21 0', 'Nov 21 000', 'Nov 32 2026', 'Nov 0 2026', 'Nov 31 2026', 'Feb 29 2026',
  'Feb 29 2024', 'Nov-21-2026', '21-Nov-2026', '2026-Nov-21', 'Sept 21 2026', 'Septembre 21 2026',
  'Mayday 1 2026', 'Decimal 5 2026', 'Ja 1 2026', 'Jan 1 2026 Feb', 'Jan Feb 1 2026',
  '2026/11/21', '2026/11/21 10:00', '2026/11/21 10:00:00', '2026/11/21 10:00:00.5', '2026/11/21 10:00:00.25',
  '2026/11/21 10:00:00.123456', '2026/11/21 10:00:00.', '2026/11/21 10:00.5', '11/21/2026', '11/21/2026 9:24 PM',
  '11/21/2026 9:24:32 AM', '11/21/2026, 9:24:32 AM', '11/21/2026 12:00 AM', '11/21/2026 12:00 PM',
  '11/21/2026 12:30 am', '11/21/2026 0:30 pm', '11/21/2026 13:00 PM', '11/21/2026 9 PM', '11/21/2026 9: PM',
  '11/21/2026 9:: PM', '11/21/2026 10::', '11/21/2026 10::30', '11/21/2026 10:::', '11/21/2026 10:00:00:00',
  '11/21/2026 10:00:00:00:00', '11/21/2026 24:00', '11/21/2026 24:00:01', '11/21/2026 24:30', '11/21/2026 25:00',
  '11/21/2026 10:60', '11/21/2026 10:00:60', '11/21/2026 10:00am', '11/21/2026 10am', '11/21/2026 am 10:00',
  'PM 11/21/2026 10:00', '11/21/2026 10:00 PM PM', '11/21/2026 10:00 AM GMT', '11/21/2026 10:00 GMT PM',
  '21/11/2026', '13/1/2026', '1/13/2026', '2026/13/1', '2026/1/13', '1/2/3', '1/2', '1 2 3', '1 2', '12',
  '1/2/3/4', '32/1/2026', '2026 1 2', '2026-1-2 3:4:5', '1-2-2026', '1.2.2026', '1.2.2026 10:00', '10.5.2026',
  '2026.5.10', '1,2,2026', '1;2;2026', '1_2_2026', '2026 11 21 10:00 PM', '2026 11 21 10:00 +01:00',
  '21 Nov 2026 10:00 +0100', '21 Nov 2026 10:00 +01:00', '21 Nov 2026 10:00 +01:30', '21 Nov 2026 10:00 +1',
  '21 Nov 2026 10:00 +12', '21 Nov 2026 10:00 +123', '21 Nov 2026 10:00 +12345', '21 Nov 2026 10:00 +',
  '21 Nov 2026 10:00 -', '21 Nov 2026 10:00 +:30', '21 Nov 2026 10:00 +1:', '21 Nov 2026 10:00 GMT+1',
  '21 Nov 2026 10:00 GMT-0930', '21 Nov 2026 10:00 GMT+01:00', '21 Nov 2026 10:00 GMT +01:00',
  '21 Nov 2026 10:00 UTC+1', '21 Nov 2026 10:00 Z+1', '21 Nov 2026 10:00 EST+1', '21 Nov 2026 GMT+1',
  '21 Nov 2026 +1', 'Nov 21 2026 GMT', 'GMT Nov 21 2026', 'Nov 21 2026 10:00 GMT+298262:',
  'Nov 21 2026 10:00 GMT+596523:', 'Nov 21 2026 10:00 GMT+596524:', 'Nov 21 2026 10:00 GMT+1193047:00',
  'Nov 21 2026 10:00 GMT+999999999:', 'Nov 21 2026 10:00 GMT+0100 (CET)', 'Nov 21 2026 (note) 10:00',
  'Nov 21 2026 10:00 (a (nested) note) GMT', 'Nov 21 2026 10:00 (unclosed', 'Nov 21 2026 10:00)',
  '(Nov 21 2026)', '(note) Nov 21 2026', 'Nov 21 2026 10:00 + 0100', 'Nov 21 2026 -10:00', '-Nov 21 2026',
  '+Nov 21 2026', 'Nov 21 +2026', 'Nov 21 -2026', 'Saturday, November 21, 2026', 'Saturday November 21 2026 10:00',
  'Sat,21 Nov 2026', 'Sat21 Nov 2026', 'Sat 21Nov2026', 'Nov21 2026', 'foo Nov 21 2026', 'foo1 Nov 21 2026',
  'foo 1 Nov 2026', 'Nov 21 2026 foo', 'Nov 21 2026 10:00 foo', 'Nov 21 2026 T10:00', 'Nov 21 2026 10:00Z',
  'Nov 21 2026 10:00:00Z', 'Nov 21 2026 10:00:00.000Z', 'Nov 21 2026 10:00+0100', 'Nov 21 2026 10:00:00+01:00',
  'Nov 21 2026 10:00x', 'Nov 21 2026 10:00.', 'Nov 21 2026 10:00:00.5.5', 'Nov 21 2026 12:00:00 pm',
  'Nov 21 2026 1234567890', 'Nov 21 12345678901 10:00', 'Nov 21 1000000', 'Nov 21 999999', 'Nov 21 275760',
  'Nov 21 -1', 'Nov 21 2026 10', 'Nov 21 2026 10 GMT', 'Nov 21 2026 10:00:00 10:00', 'Nov 21 2026 10:00 11:00',
  '10:00 Nov 21 2026', '10:00:00 PM Nov 21 2026', '10:00 PM 11/21/2026', '12:00 Jan 1 2000 pm',
  'Jan 1 2000 12:00:00.5', 'Jan 1 2000 12:00.5', 'Jan 1 2000 12.5', 'Jan 1 2000 12:00:00.123456789',
  'Jan 1 2000 12:00:00.0000000001', 'Jan 1 2000 12:30:45.', 'Jan 1 2000 12:30:45.x', 'Jan 1 2000 12:30.45',
  'Mon, 1 Jan 2000 12:00:00 +01:00', '2000-01-01\u0000garbage', 'Jan 1 2000\u0000 junk', '\u00002000-01-01',
  'Jan 1 2000 10:00\u00a0GMT', 'Jan\u00a01 2000', 'Jan 1 2000 10:00 \u00e9', '\u00e9 Jan 1 2000',
  'Jan 1 2000 \ud83d\ude00', '\ud83d\ude00 Jan 1 2000', 'Jan 1 2000\u2028', 'Jan 1 2000\t10:00\n',
  'Jan\t1\r2000\v10:00\f', 'Jan 1 2000 10:00 \ud800', 'Janu\u00e9ry 1 2000', 'ja\u00e9 1 2000',
  '１/２/２０００', '2000-01-01T00:00:00\u00a0Z', 'Jan\u30001 2000', 'Jan\ufeff1 2000', 'Jan\u20001\u200a2000',
  'Jan\u16801 2000', 'Jan\u180e1 2000', 'Jan\u20281 2000', 'Jan 1 2000\u2029', 'Jan 1 2000 10:00\u3000GMT',
  'Jan 1 2000 10:00\u2028GMT', 'Jan 1 2000 10:00\u202fPM', 'Jan 1 2000 10:00:00.0001234567891',
  'Jan 1 2000 10:00:00.000000000123', 'Jan 1 2000 10:00:00.0012', 'Jan 1 0000000000000002000',
  '0000000002000-01-01', '00002000-01-01', '2000-0001-01', '2000-01-01T0010:00', 'Jan 1 2000 0010:00',
  'Jan 1 2000 10:00 GMT+000001', 'Jan 1 2000 10:00 GMT+00000100', 'Jan 01 02000', 'Jan 1 2000 10:00:00.00',
  'Jan 1 2000 10:00:00.050', 'Jan 1 2000 10:00:00.0500000000',
  // garbage
  '', ' ', 'abc', 'NaN', 'Invalid Date', 'undefined', 'null', 'true', '1e3', '0x10', 'Infinity', '-1', '+1',
  '10:00', '10:00 PM', 'GMT', 'T', 'Z', 'AM', '12 AM', 'Jan 1 2000 12 AM', '.', '-', '+', ')', '(', ':::',
  '2000 10:00:00:00:00', 'Jan', '2000', '99', '1', '0', '00', '000', '0000', '00000', '000000', '+000000',
  '-000000', '+000001', '-1-1-1', '1-1', '2000-', '2000--01', 'x2000', '2000x', '2000-01-01T00:00:00.000+',
];

// Random strings from the grammar's building blocks.
const pieces = ['2026', '26', '1', '9', '12', '13', '21', '31', '32', '0', '00', '000', '0000', '1970', '99',
  '100', '123456', '+002026', '-002026', '1234567890', 'Nov', 'January', 'may', 'sept', 'Sat', 'Monday', 'GMT',
  'UTC', 'UT', 'Z', 'z', 'EST', 'PDT', 'CET', 'T', 't', 'AM', 'pm', 'foo', 'x', ' ', ' ', ' ', ' ', ',', ', ',
  '/', '-', '+', ':', '::', '.', '(', ')', '(CET)', '(a(b)c)', '10:00', '23:59:59', '24:00', '9:30:15.5', '+0100',
  '-05:00', '+1', '-12', '+01:', 'GMT+0100', 'Z', '\t', '\u00a0', '\u00e9', '@', '#'];
const randomStrings = [];
for (let i = 0; i < 700; i++) {
  const n = 1 + rnd(8);
  let s = '';
  for (let j = 0; j < n; j++) s += pick(pieces);
  randomStrings.push(s);
}
// Random dates in the shapes of the formatters' output.
const shapes = [];
for (let i = 0; i < 150; i++) {
  const d = new Date(rndInt(-MAX, MAX));
  shapes.push(d.toUTCString(), d.toISOString());
  const e = new Date(rndInt(Date.UTC(1800, 0, 1), Date.UTC(2200, 0, 1)));
  shapes.push(e.toUTCString(), e.toISOString(), e.toString(), e.toISOString().slice(0, 10),
    e.toISOString().slice(0, 19), e.toLocaleString('en-US', { timeZone: 'UTC' }));
}
const parseStrings = [...new Set([...hand, ...shapes, ...randomStrings])];

// ---------------------------------------------------------------- parent

function parentSections() {
  const out = {};

  // UTC decomposition of time values.
  const times = [0, -0, 1, -1, 999, -999, 1000, -1000, DAY - 1, DAY, -DAY, -DAY - 1, MAX, -MAX, MAX - 1,
    -MAX + 1, 951782400000, 951868800000, 946684800000, 946684799999, -62167219200000, -62167219200001,
    -62198755200000, -62135596800000, 253402300799999, 253402300800000, -2208988800000, -12219292800000];
  for (let y = -400; y <= 2400; y += 97) {
    const s = new Date(0).setUTCFullYear(y, 0, 1);
    times.push(s, s - 1, s + 59 * DAY, s + 60 * DAY - 1, s + 365 * DAY, s + 365 * DAY - 1);
  }
  for (let i = 0; i < 1500; i++) times.push(rndInt(-MAX, MAX));
  for (let i = 0; i < 500; i++) times.push(rndInt(-1e13, 1e13));
  out.decompose = times.map(t => {
    const d = new Date(t);
    return [num(t), num(d.getUTCFullYear()), num(d.getUTCMonth()), num(d.getUTCDate()), num(d.getUTCDay()),
      num(d.getUTCHours()), num(d.getUTCMinutes()), num(d.getUTCSeconds()), num(d.getUTCMilliseconds())];
  });
  out.utcFormat = [...times, NaN].map(t => {
    const d = new Date(t);
    return [num(t), attempt(() => d.toISOString()), d.toUTCString(), JSON.stringify(d.toJSON())];
  });

  // Start of year: setUTCFullYear(y, 0, 1) on the epoch is TimeFromYear(y).
  const years = [];
  for (let y = -2000; y <= 2500; y += 7) years.push(y);
  for (let i = 0; i < 300; i++) years.push(rndInt(-280000, 280000));
  years.push(-271821, -271822, 275760, 275761, 0, -1, 1, 1600, 1700, 1900, 2000, 2100);
  out.yearStart = years.map(y => [num(y), num(new Date(0).setUTCFullYear(y, 0, 1))]);

  // Date.UTC(year, month, date, hours, minutes, seconds, ms).
  const specials = [NaN, Infinity, -Infinity, -0, 0, 0.5, -0.5, 1.5, -1.5, 0.9999999999999999, 1e308, -1e308,
    2 ** 31, -(2 ** 31), 2 ** 53, -(2 ** 53), 1e6, -1e6, 1e6 + 1, -1e6 - 1, 1e7, -1e7, 1e7 + 1, -1e7 - 1, 99,
    99.9, 100, -1, 49, 50, 1e15, -1e15, 1e16, 8.64e15, 1e-300];
  const arg = (lo, hi) => {
    switch (rnd(10)) {
      case 0: return pick(specials);
      case 1: return rndInt(lo, hi) + rnd(1000) / 1000 * (rnd(2) ? 1 : -1);
      case 2: return rndInt(-1e9, 1e9);
      default: return rndInt(lo, hi);
    }
  };
  const utcArgs = [[1970, 0, 1, 0, 0, 0, 0], [2026, 10, 21, 9, 24, 32, 0], [275760, 8, 13, 0, 0, 0, 0],
    [275760, 8, 13, 0, 0, 0, 1], [-271821, 3, 20, 0, 0, 0, 0], [-271821, 3, 19, 23, 59, 59, 999],
    [1970, 1.2e7, -3.65e8, 0, 0, 0, 0], [1e6, 0, 1, 0, 0, 0, 0], [1e6, -1.2e7, 1, 0, 0, 0, 0],
    [-1e6, 1.2e7, 1, 0, 0, 0, 0], [2020, 0, 1.5, 0, 0, 0, 0], [2020, 0.5, 1, 0.5, 0.5, 0.5, 0.5],
    [2020, -0.5, 1, 0, 0, 0, 0], [2020, -1, 1, 0, 0, 0, 0], [2020, -13, 1, 0, 0, 0, 0], [2020, 12, 1, 0, 0, 0, 0],
    [1970, 0, 1, 0, 0, 0, 8.64e15], [1970, 0, 1, 0, 0, 0, 8.64e15 + 1], [1970, 0, 1, -0, -0, -0, -0],
    [1970, 0, 1, 0, 0, 0, -0.5], [1970, 0, 0, 24, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0], [-0.5, 0, 1, 0, 0, 0, 0],
    [99.5, 0, 1, 0, 0, 0, 0], [100, 0, 1, 0, 0, 0, 0], [-1, 0, 1, 0, 0, 0, 0], [2020, 0, 1e300, 0, 0, 0, 0],
    [2020, 0, 1, 1e300, 0, 0, 0], [2020, 0, 1, 1e300, -1e300, 0, 0]];
  for (let i = 0; i < 1500; i++) {
    utcArgs.push([arg(-300000, 300000), arg(-30, 30), arg(-400, 400), arg(-50, 50), arg(-200, 200),
      arg(-5000, 5000), arg(-1e7, 1e7)]);
  }
  for (let i = 0; i < 500; i++) {
    utcArgs.push([rndInt(-1000, 3000), rndInt(0, 11), rndInt(1, 31), rndInt(0, 23), rndInt(0, 59), rndInt(0, 59),
      rndInt(0, 999)]);
  }
  out.utc = utcArgs.map(a => [...a.map(num), num(Date.UTC(...a))]);

  // TimeClip through the Date constructor.
  const clips = [0, -0, 0.5, -0.5, 1.9, -1.9, MAX, -MAX, MAX + 1, -MAX - 1, MAX + 0.5, MAX - 0.5, -MAX + 0.5,
    NaN, Infinity, -Infinity, 1e300, 5e-324, -5e-324, 2 ** 53, 123456789.987654321];
  out.timeClip = clips.map(x => [num(x), num(new Date(x).getTime())]);

  out.names = {};
  for (const zone of NAME_ZONES) {
    const env = { ...process.env, TZ: zone, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', JSDATE_GEN_NAMES: '1' };
    out.names[zone] = JSON.parse(execFileSync(process.execPath, [__filename], { env }));
  }

  out.zones = {};
  for (const zone of ZONES) {
    const env = { ...process.env, TZ: zone, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8', JSDATE_GEN_ZONE: '1' };
    const text = execFileSync(process.execPath, [__filename], { env, maxBuffer: 1 << 30 });
    out.zones[zone] = JSON.parse(text);
  }
  return out;
}

if (process.env.JSDATE_GEN_NAMES) {
  process.stdout.write(JSON.stringify(NAME_TIMES.map(t => [num(t), String(new Date(t))])));
} else if (process.env.JSDATE_GEN_ZONE) {
  process.stdout.write(JSON.stringify(zoneSections()));
} else {
  process.stdout.write(JSON.stringify(parentSections()) + '\n');
}
