/**
 * Runtime dependencies are what runs: every package the app imports (server, CLI, the web app and
 * its build) is in `dependencies`, so `npm ci --omit=dev` installs all of it, and nothing else is
 * there; packages only tests and benchmarks import are dev dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Test support inside src/: tests, their fixtures and helpers. */
const TEST_ONLY = /(\.test\.tsx?|\.fixtures\.ts|\/testing\.ts)$|\/fixtures\//;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|js)$/.test(entry.name)) yield relative(root, path).split('\\').join('/');
  }
}

/** The code that runs in production: bin/, src/ without its tests, and the web app's build. */
const runtimeFiles = (): string[] => [
  ...sources(join(root, 'bin')),
  ...[...sources(join(root, 'src'))].filter((file) => !TEST_ONLY.test(file)),
  'vite.config.ts',
];

/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`), or none. */
const packageOf = (specifier: string): string | undefined => {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** Packages a file loads at run time (type-only imports vanish when it runs). */
const importedBy = (file: string): string[] => {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => packageOf(specifier) ?? []);
};

describe('the dependencies of package.json', () => {
  const used = new Map<string, string>();
  for (const file of runtimeFiles())
    for (const name of importedBy(file)) if (!used.has(name)) used.set(name, file);

  it('reads package names from specifiers', () => {
    expect(packageOf('@hono/node-server/serve-static')).toBe('@hono/node-server');
    expect(packageOf('graphology-layout-forceatlas2/worker')).toBe('graphology-layout-forceatlas2');
    expect(packageOf('./app')).toBeUndefined();
    expect(packageOf('node:fs')).toBeUndefined();
  });

  it('lists every package the app imports as a runtime dependency', () => {
    const missing = [...used].filter(([name]) => !(name in manifest.dependencies));
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });

  it('lists nothing as a runtime dependency that the app does not import', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });
});
