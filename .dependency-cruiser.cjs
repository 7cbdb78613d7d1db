/** Dependency boundaries from docs/architecture.md. Runs in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of ours outside core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|simulator/|web/|test/|bench/)' },
    },
    {
      name: 'core-no-io-libraries',
      comment: 'src/core may use pure libraries (zod, a time-zone library) but no I/O or framework packages.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: 'node_modules/(fastify|@fastify|pg|pg-boss|kysely|@electric-sql|pino|prom-client|undici|yaml|@nlpjs|node-nlp)(/|$)' },
    },
    {
      name: 'core-no-node-io',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:https|node:child_process)' },
    },
    {
      name: 'app-imports-core-only',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(adapters|contracts)/|^src/main\\.ts$|^src/config\\.ts$' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      comment: 'Tests beside an adapter may use another adapter to set up real parts.',
      from: { path: '^src/adapters/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'nothing-imports-main',
      comment: 'Only tests and benchmarks start Hale through main.ts.',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'web-imports-contracts-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/contracts/' },
    },
    {
      name: 'simulator-is-separate',
      severity: 'error',
      from: { path: '^simulator/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
