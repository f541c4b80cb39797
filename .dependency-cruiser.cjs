/**
 * The layers of Salon and the directions their imports may point (see README "Layout").
 * Every rule is an error: `npm run check` fails on the first arrow that points upward.
 */
const layer = (name) => `^src/${name}/`;
const only = (from, allowed) => ({
  name: `${from}-imports-only-${allowed.join('-')}`,
  comment: `src/${from} may import only ${allowed.map((a) => `src/${a}`).join(', ')}`,
  severity: 'error',
  // Tests may build real stores to test against; only the code that ships keeps to its layer.
  from: { path: layer(from), pathNot: '\\.test\\.tsx?$' },
  to: { path: '^src/', pathNot: [from, ...allowed].map(layer) },
});

module.exports = {
  forbidden: [
    only('domain', []),
    only('engine', ['domain']),
    only('demo', ['domain']),
    only('contracts', ['domain']),
    only('store', ['domain']),
    only('interchange', ['domain']),
    only('mail', ['domain']),
    only('app', ['domain', 'engine', 'demo', 'store', 'interchange', 'mail']),
    only('server', ['app', 'contracts', 'domain']),
    only('cli', ['app', 'server', 'contracts', 'domain']),
    only('web', ['contracts', 'domain']),
    {
      name: 'pure-core-has-no-io',
      comment: 'domain, engine and demo are pure: no node builtins and no npm packages',
      severity: 'error',
      from: { path: '^src/(domain|engine|demo)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer'] },
    },
    {
      name: 'only-store-touches-kysely',
      severity: 'error',
      from: { pathNot: ['^src/store/', '^bench/', '^e2e/'] },
      to: { path: 'node_modules/(kysely|better-sqlite3|pg)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['node_modules', 'dist'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
