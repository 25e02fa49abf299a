/**
 * Architecture rules CI enforces (see ARCHITECTURE.md): the core never imports adapters, adapters never import
 * each other and reach the core only through its public surface, the scheduler uses the service's public API,
 * and there are no import cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles hide layering mistakes and make start-up order fragile (type-only cycles are erased at run time).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-to-adapters',
      severity: 'error',
      comment: 'src/ is the core: no Telegram, Slack or console code in it.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$|^src/app/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'no-platform-sdk-in-core',
      severity: 'error',
      comment: 'grammY and Bolt belong to their adapters.',
      from: { path: '^src/' },
      to: { path: 'node_modules/(grammy|@grammyjs|@slack)/' },
    },
    {
      name: 'adapters-not-to-each-other',
      severity: 'error',
      comment: 'Each adapter stands alone; shared rendering lives in the core reply model.',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'adapters-only-public-core',
      severity: 'error',
      comment:
        'Adapters see the service through its ports, reply model, errors and command registry — not its stores, queries or the DB.',
      from: { path: '^adapters/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/service/ports\\.ts$',
          '^src/service/reply/',
          // The command registry (names, help, menu, Slack names) and the line parser the admin check uses.
          '^src/service/commands/command-registry\\.ts$',
          '^src/service/commands/parse-command\\.ts$',
          '^src/errors\\.ts$',
          // The console push port lives in the core so that `digest push` needs no adapter.
          '^src/service/console-publisher\\.ts$',
          '^src/domain/',
          '^src/logger\\.ts$',
        ],
      },
    },
    {
      name: 'scheduler-uses-service-api',
      severity: 'error',
      comment:
        'The scheduler talks to the service through its public API (ports.ts: DigestReads, Publisher; digest-reads.ts), not its command or query internals.',
      from: { path: '^src/scheduler/' },
      to: { path: '^src/service/(commands|query)/' },
    },
    {
      name: 'extraction-loaded-on-demand',
      severity: 'error',
      comment:
        'Serving code loads the extraction pipeline (linkedom, mammoth, jieba: ~40 MB, ~0.6 s of a start) only when a report needs extracting, through ingest/load-extractor.ts; the command-line tools, eval and bench import it directly.',
      from: {
        path: '^src/',
        pathNot: '^src/(cli|eval|bench)/|^src/ingest/(load-extractor|extract-url)\\.ts$|^src/ingest/summarize/build-stop-terms\\.ts$',
      },
      to: { path: '^src/ingest/(extract|extract-url)\\.ts$', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
