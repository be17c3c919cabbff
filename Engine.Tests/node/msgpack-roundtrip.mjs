// Cross-implementation oracle for Engine's MessagePack codec, using @msgpack/msgpack (pinned in package.json).
//
//   node msgpack-roundtrip.mjs reencode          stdin: one base64 value per line -> stdout: npm's re-encoding, one per line
//   node msgpack-roundtrip.mjs generate SEED N   stdout: N seeded random values encoded by npm, base64, one per line
//   node msgpack-roundtrip.mjs compare           stdin: "ORIGINAL REENCODED" base64 pairs -> stdout: JSON {compared, mismatches}
//
// 64-bit integers are read as BigInt and timestamps as exact (seconds, nanoseconds), so nothing is rounded
// on the way through JavaScript numbers or Dates.
import { readFileSync } from "node:fs";
import {
  decode,
  encode,
  ExtData,
  ExtensionCodec,
  EXT_TIMESTAMP,
  decodeTimestampToTimeSpec,
  encodeTimeSpecToTimestamp,
} from "@msgpack/msgpack";

class TimeSpec {
  constructor(sec, nsec) {
    this.sec = sec;
    this.nsec = nsec;
  }
}

const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: EXT_TIMESTAMP,
  encode: (input) => (input instanceof TimeSpec ? encodeTimeSpecToTimestamp(input) : null),
  decode: (data) => {
    const spec = decodeTimestampToTimeSpec(data);
    return new TimeSpec(spec.sec, spec.nsec);
  },
});
const options = { extensionCodec, useBigInt64: true };

const fromBase64 = (text) => new Uint8Array(Buffer.from(text, "base64"));
const toBase64 = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
const inputLines = () => readFileSync(0, "utf8").split("\n").map((l) => l.trim()).filter((l) => l.length > 0);

// mulberry32: a small seeded PRNG so a failing run can be reproduced from its seed.
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed) {
  const next = prng(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const bytes = (length) => Uint8Array.from({ length }, () => int(0, 255));
  const length = () => (next() < 0.01 ? int(256, 70000) : next() < 0.3 ? int(32, 300) : int(0, 31));
  const text = (n) => {
    let s = "";
    while (s.length < n) {
      const kind = int(0, 3);
      const cp = kind === 0 ? int(0x20, 0x7e) : kind === 1 ? int(0x400, 0x4ff) : kind === 2 ? int(0x4e00, 0x9fff) : int(0x1f300, 0x1f64f);
      s += String.fromCodePoint(cp);
    }
    return s;
  };
  const boundaries = [0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296, -1, -32, -33, -128, -129, -32768, -32769,
    -2147483648, -2147483649, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
  const bigBoundaries = [2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, 0n, -1n, 2n ** 32n];
  const floats = [0.5, -0.5, 1e300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, Math.PI];

  const value = (depth) => {
    switch (int(0, depth < 3 ? 13 : 10)) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return pick(boundaries) + int(-1, 1);
      case 3: return int(-1000000, 1000000);
      case 4: return next() < 0.5 ? pick(bigBoundaries) : BigInt.asIntN(64, BigInt(int(0, 2 ** 31)) * BigInt(int(0, 2 ** 31)) * BigInt(int(1, 7)));
      case 5: return next() < 0.3 ? pick(floats) : (next() - 0.5) * 10 ** int(-10, 10);
      case 6: return text(length());
      case 7: return bytes(length());
      case 8: {
        const kind = int(0, 2);
        if (kind === 0) return new TimeSpec(int(0, 4294967295), 0);
        if (kind === 1) return new TimeSpec(int(0, 2 ** 34 - 1), int(0, 999999999));
        return new TimeSpec(int(-(2 ** 50), 2 ** 50), int(0, 999999999));
      }
      case 9: return new ExtData(int(0, 127), bytes(pick([0, 1, 2, 3, 4, 8, 16, 17, 255, 256, 300])));
      case 10: return pick([true, false, null, "", 0]);
      case 11:
      case 12: return Array.from({ length: next() < 0.2 ? int(16, 40) : int(0, 15) }, () => value(depth + 1));
      default: {
        const map = {};
        const entries = next() < 0.2 ? int(16, 40) : int(0, 15);
        for (let i = 0; i < entries; i++) map[`k${i}_${text(int(0, 6))}`] = value(depth + 1);
        return map;
      }
    }
  };
  return () => value(0);
}

function same(a, b) {
  if (a === b) return true;
  const numeric = (x) => typeof x === "number" || typeof x === "bigint";
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (numeric(a) && numeric(b)) {
    if ((typeof a === "number" && !Number.isInteger(a)) || (typeof b === "number" && !Number.isInteger(b))) return false;
    return BigInt(a) === BigInt(b);
  }
  const sameBytes = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return sameBytes(a, b);
  if (a instanceof TimeSpec && b instanceof TimeSpec) return a.sec === b.sec && a.nsec === b.nsec;
  if (a instanceof ExtData && b instanceof ExtData) return a.type === b.type && sameBytes(a.data, b.data);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && a.constructor === Object && b.constructor === Object) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
  }
  return false;
}

const describe = (value) =>
  JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? `bin(${v.length})` : v)).slice(0, 300);

const [mode, ...args] = process.argv.slice(2);
if (mode === "reencode") {
  const out = inputLines().map((line) => toBase64(encode(decode(fromBase64(line), options), options)));
  process.stdout.write(out.join("\n") + "\n");
} else if (mode === "generate") {
  const next = generator(Number(args[0]));
  const out = Array.from({ length: Number(args[1]) }, () => toBase64(encode(next(), options)));
  process.stdout.write(out.join("\n") + "\n");
} else if (mode === "compare") {
  const mismatches = [];
  const lines = inputLines();
  lines.forEach((line, index) => {
    const [original, reencoded] = line.split(" ");
    const a = decode(fromBase64(original), options);
    const b = decode(fromBase64(reencoded), options);
    if (!same(a, b)) mismatches.push({ index, expected: describe(a), actual: describe(b) });
  });
  process.stdout.write(JSON.stringify({ compared: lines.length, mismatches }) + "\n");
} else {
  process.stderr.write(`unknown mode '${mode}': use reencode, generate SEED COUNT or compare\n`);
  process.exit(2);
}
