// Times DuckDB scanning one column of the files Engine.Bench exported, the counterpart of
// `Engine.Bench decode --columns C`: the same files, one thread by default, median of --repeat runs.
//
//   node scan.mjs --data /tmp/bench --columns volume [--threads 1] [--repeat 5] [--table trades]
//
// The scan is `SELECT max(C) FROM read_parquet('DIR/TABLE/*.parquet')` (max of length(C) for strings), so
// DuckDB must decode every value of the column; min/max statistics are not used for aggregates.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const options = { data: 'bench-data', columns: null, threads: 1, repeat: 5, table: 'trades' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const value = () => {
    if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
    return argv[++i];
  };
  switch (argv[i]) {
    case '--data': options.data = value(); break;
    case '--columns': options.columns = value(); break;
    case '--threads': options.threads = Number.parseInt(value(), 10); break;
    case '--repeat': options.repeat = Math.max(1, Number.parseInt(value(), 10)); break;
    case '--table': options.table = value(); break;
    default: throw new Error(`unknown argument ${argv[i]}`);
  }
}
if (!options.columns || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.columns)) throw new Error('--columns needs one column name');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`SET threads = ${options.threads}`);
const files = join(options.data, options.table, '*.parquet').replaceAll("'", "''");
const describe = await connection.runAndReadAll(`SELECT column_type FROM (DESCRIBE SELECT ${options.columns} FROM read_parquet('${files}'))`);
const isText = String(describe.getRows()[0][0]).startsWith('VARCHAR');
const sql = `SELECT max(${isText ? `length(${options.columns})` : options.columns}) FROM read_parquet('${files}')`;
await connection.runAndReadAll(sql);
const samples = [];
for (let r = 0; r < options.repeat; r++) {
  const start = performance.now();
  await connection.runAndReadAll(sql);
  samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
const median = samples.length % 2 === 1 ? samples[(samples.length - 1) / 2] : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
console.log(`DuckDB scan of ${options.columns} (${sql}), ${options.threads} thread(s): median ${median.toFixed(1)} ms over ${options.repeat} runs`);
