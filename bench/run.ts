/**
 * `npm run bench [-- NAME [ARGS…]] [--quick]`: runs every benchmark (or the named one) in one
 * process, prints a table per section and writes bench/results/latest.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchRow, BenchSection } from './section';

const here = dirname(fileURLToPath(import.meta.url));

const loadBenchmarks = async (): Promise<Benchmark[]> => {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const modules = await Promise.all(
    files.map(
      (f) => import(pathToFileURL(join(here, f)).href) as Promise<{ benchmark: Benchmark }>,
    ),
  );
  return modules.map((m) => m.benchmark);
};

const cell = (value: unknown): string => {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  return String(value);
};

/** Renders a section as a Markdown table, the same text the closing notes quote. */
export const renderSection = (section: BenchSection): string => {
  const columns: Array<[keyof BenchRow, string]> = [
    ['name', 'measure'],
    ['size', 'size'],
    ['ours', 'ours'],
    ['unit', 'unit'],
    ['peer', 'peer'],
    ['peerValue', 'peer value'],
    ['ratio', 'ratio'],
    ['target', 'target'],
    ['pass', 'met'],
    ['note', 'note'],
  ];
  const used = columns.filter(([key]) => section.rows.some((row) => row[key] !== undefined));
  const lines = [
    `### ${section.title}`,
    '',
    `| ${used.map(([, label]) => label).join(' | ')} |`,
    `|${used.map(() => '---').join('|')}|`,
    ...section.rows.map((row) => `| ${used.map(([key]) => cell(row[key])).join(' | ')} |`),
  ];
  for (const note of section.notes ?? []) lines.push('', `- ${note}`);
  return lines.join('\n');
};

const main = async (): Promise<void> => {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const rest = argv.filter((a) => a !== '--quick');
  const benchmarks = await loadBenchmarks();
  const chosen = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
  const selected = chosen ? benchmarks.filter((b) => b.name === chosen) : benchmarks;
  if (chosen && selected.length === 0) {
    console.error(
      `No benchmark named ${chosen}. Known: ${benchmarks.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }
  const args = chosen ? rest.slice(1) : rest;
  const json = args.includes('--json');
  const log = (line: string): void => {
    if (!json) console.error(line);
  };
  const results: Record<string, BenchSection[]> = {};
  for (const benchmark of selected) {
    log(`\n== ${benchmark.name} ==`);
    results[benchmark.name] = await benchmark.run({ args, quick, log });
    if (!json)
      for (const section of results[benchmark.name] ?? [])
        console.log(`\n${renderSection(section)}`);
  }
  if (chosen || quick) return;
  const out = join(here, 'results');
  mkdirSync(out, { recursive: true });
  const report = { generatedAt: new Date().toISOString(), node: process.version, results };
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    join(out, 'latest.md'),
    Object.values(results).flat().map(renderSection).join('\n\n'),
  );
  console.log(`\nWrote ${join('bench', 'results', 'latest.json')} and latest.md`);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
