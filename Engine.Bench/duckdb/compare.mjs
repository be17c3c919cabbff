// Runs the benchmark query ids in DuckDB on the data Engine.Bench exported, timed like `Engine.Bench run`.
//
//   dotnet run -c Release --project Engine.Bench -- export --data gen:trades:rows=10000000:symbols=100 --out /tmp/bench
//   (or --data gen:cpu:rows=10000000:hosts=100 for the TSBS cpu table and shapes)
//   npm install --no-save --no-audit --no-fund          (in this folder)
//   node compare.mjs --data /tmp/bench --threads 2 --repeat 5 --warmup 1 [--queries Q1,Q3] [--query-file F.sql] [--json] [--engine engine.json] [--from-files]
//
// Every table folder with Parquet files (DIR/trades/*.parquet, DIR/cpu/*.parquet) is loaded into an
// in-memory DuckDB table of the folder's name first (load_ms), so only the
// queries are timed, as with Engine's --in-memory. Queries come from DIR/queries.duckdb.sql, or the
// --query-file (blocks headed `-- name: ID`). --json prints one object of the same shape as `Engine.Bench run --json`; otherwise a table,
// with the Engine/DuckDB ratio per query when --engine names a saved `run --json` output of the same threads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

function parseArgs(argv) {
  const options = { data: 'bench-data', threads: 1, repeat: 5, warmup: 1, queries: null, queryFile: null, json: false, engine: null, fromFiles: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--data': options.data = value(); break;
      case '--threads': options.threads = Number.parseInt(value(), 10); break;
      case '--repeat': options.repeat = Math.max(1, Number.parseInt(value(), 10)); break;
      case '--warmup': options.warmup = Number.parseInt(value(), 10); break;
      case '--queries': options.queries = value().split(',').map((q) => q.trim()).filter((q) => q.length > 0); break;
      case '--query-file': options.queryFile = value(); break;
      case '--engine': options.engine = value(); break;
      case '--json': options.json = true; break;
      case '--from-files': options.fromFiles = true; break;
      default: throw new Error(`unknown argument ${name}`);
    }
  }
  return options;
}

function readQueries(file) {
  const queries = new Map();
  let id = null;
  let body = [];
  const flush = () => {
    if (id !== null) queries.set(id, body.join('\n').trim().replace(/;\s*$/, ''));
    body = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\s*--\s*name:\s*(\S+)\s*$/.exec(line);
    if (header) {
      flush();
      id = header[1];
    } else if (id !== null) {
      body.push(line);
    }
  }
  flush();
  return queries;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value, digits) => Number(value.toFixed(digits));

const options = parseArgs(process.argv.slice(2));
const all = readQueries(options.queryFile ?? join(options.data, 'queries.duckdb.sql'));
const ids = options.queries ?? [...all.keys()];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`SET threads = ${options.threads}`);
const loadStart = performance.now();
const tables = readdirSync(options.data, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name))
  .filter((entry) => readdirSync(join(options.data, entry.name)).some((file) => file.endsWith('.parquet')))
  .map((entry) => entry.name);
if (tables.length === 0) throw new Error(`no table folder with Parquet files in ${options.data}`);
for (const table of tables) {
  const glob = join(options.data, table, '*.parquet').replaceAll("'", "''");
  // --from-files: a view over read_parquet, so every query reads the files (Engine's run --from-files).
  await connection.run(options.fromFiles
    ? `CREATE VIEW ${table} AS SELECT * FROM read_parquet('${glob}')`
    : `CREATE TABLE ${table} AS SELECT * FROM read_parquet('${glob}')`);
}
const loadMs = performance.now() - loadStart;

const results = {};
for (const id of ids) {
  const sql = all.get(id);
  if (sql === undefined) throw new Error(`query ${id} is not in the query file`);
  for (let w = 0; w < options.warmup; w++) {
    await connection.runAndReadAll(sql);
  }
  const samples = [];
  let rows = 0;
  for (let r = 0; r < options.repeat; r++) {
    const start = performance.now();
    const reader = await connection.runAndReadAll(sql);
    samples.push(performance.now() - start);
    rows = reader.currentRowCount;
  }
  results[id] = {
    median_ms: round(median(samples), 4),
    min_ms: round(Math.min(...samples), 4),
    max_ms: round(Math.max(...samples), 4),
    rows,
  };
}

if (options.json) {
  process.stdout.write(JSON.stringify({ threads: options.threads, load_ms: round(loadMs, 3), queries: results }) + '\n');
} else {
  const engine = options.engine ? JSON.parse(readFileSync(options.engine, 'utf8')) : null;
  if (engine && engine.threads !== options.threads) {
    throw new Error(`--engine was measured on ${engine.threads} thread(s), DuckDB on ${options.threads}`);
  }
  console.log(`DuckDB ${options.threads} thread(s), load ${loadMs.toFixed(1)} ms, repeat ${options.repeat}, warmup ${options.warmup}`);
  console.log('| query | DuckDB ms | Engine ms | Engine / DuckDB | rows |');
  console.log('|---|---:|---:|---:|---:|');
  for (const id of ids) {
    const duck = results[id];
    const mine = engine?.queries?.[id];
    const ratio = mine ? (mine.median_ms / duck.median_ms).toFixed(3) : 'n/a';
    console.log(`| ${id} | ${duck.median_ms.toFixed(3)} | ${mine ? mine.median_ms.toFixed(3) : 'n/a'} | ${ratio} | ${duck.rows} |`);
  }
}
