/**
 * The repository stands alone: a fresh clone runs its tests and benchmarks, so no source, test,
 * benchmark, script or configuration file may read the sibling `shared` folder the project was
 * started from (its conformance corpus and datasets are copied into test/fixtures and bench/datasets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Folders that hold no code of ours (installed packages, build output, data and measurements), and
 * this file, whose examples must name such paths.
 */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  '.git',
  'salon-data',
  'test-results',
  'bench/results',
  'bench/datasets',
  'test/fixtures',
  'test/stands-alone.test.ts',
]);
const CODE = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.sh', '']);

/** A path that climbs out of the repository into `shared`, or names its corpus folders. */
const OUTSIDE = /(?:\.\.[/\\])+shared[/\\]|[/\\]shared[/\\](?:conformance|datasets)\b/;

function* codeFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = relative(root, path).split('\\').join('/');
    if (SKIPPED.has(name)) continue;
    if (entry.isDirectory()) yield* codeFiles(path);
    else if (entry.isFile() && CODE.has(extname(entry.name))) yield name;
  }
}

/** Every `file:line` of the repository's code that reads outside the repository. */
const outsideReferences = (): string[] =>
  [...codeFiles(root)].flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, at) => (OUTSIDE.test(line) ? [`${file}:${at + 1}: ${line.trim()}`] : [])),
  );

describe('the repository stands alone', () => {
  it('recognises a path into the shared folder and leaves ordinary words alone', () => {
    // The samples are assembled, so this file holds no such path itself.
    const up = (levels: number) => '../'.repeat(levels);
    const folder = ['sha', 'red'].join('');
    expect(OUTSIDE.test(`new URL('${up(3)}${folder}/conformance/x.vcf', import.meta.url)`)).toBe(
      true,
    );
    expect(OUTSIDE.test(`resolve(here, '${up(2)}${folder}/datasets')`)).toBe(true);
    expect(OUTSIDE.test(`read /work/${folder}/datasets/NS.txt`)).toBe(true);
    expect(OUTSIDE.test('top-100 shared with exact')).toBe(false);
    expect(OUTSIDE.test("resolve(here, 'datasets')")).toBe(false);
  });

  it('has no file that reads outside its own tree', () => {
    expect(outsideReferences()).toEqual([]);
  });
});
