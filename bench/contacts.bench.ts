/**
 * Contacts benchmarks (issue: contacts in and out). A generated 50,000-row LinkedIn export
 * (`bench/generators/linkedin-export.ts`):
 * - imported into SQLite (< 5 s) and PostgreSQL (< 10 s), from the file on disk, as `salon
 *   import` does (parse, match, one transaction);
 * - imported again (every row matches someone: < 5 s);
 * - the peak RSS of the import, in a child process of its own (< 400 MB);
 * - the 50,000 people exported as vCard 3.0 from the store (< 3 s);
 * - a 2,000,000-row export (about 200 MB: memory stays bounded, the issue says) imported in a
 *   child process: its time and its peak RSS, to set beside the 50,000-row one
 *   (`--big-rows N` to change the size, 0 to skip).
 * Each figure is also given against the bare parse of the same file, with our own tokenizer
 * and with csv-parse, so the cost of our own work (matching, writing, indexing) is visible.
 *
 * `--quick`: 2,000 rows, and no large export unless `--big-rows` asks for one.
 *
 * The child process: `node --import tsx bench/contacts.bench.ts --rss-child FILE DATA_DIR`.
 */
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as csvParse } from 'csv-parse';
import { exportContacts } from '../src/app/contacts-export';
import { type ImportReport, importContacts } from '../src/app/contacts-import';
import { createContext } from '../src/app/context';
import { type Access, createWorkspace, ownerAccess } from '../src/app/workspaces';
import { csvRows } from '../src/interchange/csv-tokenize';
import { parseContacts } from '../src/interchange/parse-contacts';
import { decodeText } from '../src/interchange/text-stream';
import type { DialectName } from '../src/store/database';
import {
  createScratchDatabase,
  DEFAULT_POSTGRES_ADMIN_URL,
  postgresAnswers,
} from '../src/store/scratch-database';
import { openStore, type Store } from '../src/store/store';
import { writeLinkedInExport } from './generators/linkedin-export';
import {
  type BenchContext,
  type Benchmark,
  type BenchRow,
  type BenchSection,
  numberArg,
} from './section';
import { median } from './stats';

const here = fileURLToPath(new URL('.', import.meta.url));

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

/** The bare parse with our tokenizer: bytes → text → CSV records, nothing else. */
const ownParse = async (file: string): Promise<number> => {
  let rows = 0;
  for await (const _row of csvRows(decodeText(createReadStream(file)))) rows++;
  return rows;
};

/** The bare parse with csv-parse (lenient about LinkedIn's notes above the header). */
const csvParseParse = async (file: string): Promise<number> => {
  let rows = 0;
  const parser = createReadStream(file).pipe(
    csvParse({ relax_column_count: true, relax_quotes: true, bom: true }),
  );
  for await (const _row of parser) rows++;
  return rows;
};

/** The parse into contact records (LinkedIn's parser: cells checked, dates and URLs read). */
const recordsParse = async (file: string): Promise<number> => {
  let records = 0;
  for await (const item of parseContacts(createReadStream(file))) {
    if (item.kind === 'record') records++;
  }
  return records;
};

const csvParseVersion = (): string => {
  const path = join(here, '..', 'node_modules', 'csv-parse', 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
};

interface Opened {
  readonly store: Store;
  readonly access: Access;
  readonly dispose: () => Promise<void>;
}

const openFor = async (dialect: DialectName, adminUrl: string): Promise<Opened> => {
  let store: Store;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'salon-bench-contacts-'));
    store = await openStore({ dataDir: dir });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchDatabase(adminUrl, 'salon_bench');
    store = await openStore({ url: scratch.url, dataDir: '' });
    cleanup = scratch.drop;
  }
  const workspace = await store.transaction((r) => createWorkspace(r, 'Bench', null));
  return {
    store,
    access: ownerAccess(workspace.id),
    dispose: async () => {
      await store.close();
      await cleanup();
    },
  };
};

const importFile = (store: Store, access: Access, file: string): Promise<ImportReport> =>
  importContacts(createContext(store), access, [
    { name: 'Connections.csv', bytes: createReadStream(file, { highWaterMark: 256 * 1024 }) },
  ]);

interface ChildImport {
  readonly rssMb: number;
  readonly seconds: number;
  /** CPU seconds of the child (user + system): steadier than seconds on a shared machine. */
  readonly cpuSeconds: number;
}

/** Runs an import in a child process and returns its peak RSS in MB (and its seconds). */
const importInChild = (file: string, timeoutMs = 300_000): Promise<ChildImport> =>
  new Promise((resolve, reject) => {
    const data = mkdtempSync(join(tmpdir(), 'salon-bench-rss-'));
    execFile(
      process.execPath,
      ['--import', 'tsx', join(here, 'contacts.bench.ts'), '--rss-child', file, data],
      { env: { ...process.env, DATABASE_URL: '' }, timeout: timeoutMs },
      (error, stdout) => {
        rmSync(data, { recursive: true, force: true });
        if (error) return reject(error);
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
      },
    );
  });

const rssChild = async (file: string, data: string): Promise<void> => {
  const store = await openStore({ dataDir: data });
  const workspace = await store.transaction((r) => createWorkspace(r, 'Bench', null));
  const cpu = process.cpuUsage();
  const took = await seconds(() => importFile(store, ownerAccess(workspace.id), file));
  const used = process.cpuUsage(cpu);
  await store.close();
  const result: ChildImport = {
    rssMb: process.resourceUsage().maxRSS / 1024,
    seconds: took,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

/**
 * The large export: written, imported in a child process (an hour at most), removed. Its peak
 * RSS is set beside the 50,000-row import's: the file is forty times larger, and neither its
 * text nor its records are held, only the keys that find the same person twice in it.
 */
const bigImport = async (
  dir: string,
  rows: number,
  small: ChildImport,
  log: (line: string) => void,
): Promise<BenchRow[]> => {
  const size = `${rows.toLocaleString('en')} rows`;
  const file = join(dir, 'Connections-big.csv');
  try {
    log(`contacts: write a LinkedIn export of ${size}`);
    await writeLinkedInExport(file, rows, 11);
    const megabytes = statSync(file).size / 2 ** 20;
    log(`contacts: import ${size} (${megabytes.toFixed(0)} MB) in a child process (SQLite)`);
    const big = await importInChild(file, 3_600_000);
    return [
      {
        name: 'import a large LinkedIn export (own process, SQLite)',
        size: `${size}, ${megabytes.toFixed(0)} MB`,
        ours: big.seconds,
        unit: 's',
        note: `${big.cpuSeconds.toFixed(0)} CPU seconds; ${((big.seconds / rows) * 1e6).toFixed(0)} µs a row`,
      },
      {
        name: 'peak RSS of the large import (own process, SQLite)',
        size: `${size}, ${megabytes.toFixed(0)} MB`,
        ours: big.rssMb,
        unit: 'MB',
        note: `the file is read twice, never held; what grows with it is the keys matching needs (50,000 rows: ${small.rssMb.toFixed(0)} MB)`,
      },
    ];
  } finally {
    rmSync(file, { force: true });
  }
};

const run = async ({ args, quick, log }: BenchContext): Promise<BenchSection[]> => {
  const rows = quick ? 2000 : 50_000;
  const bigRows = numberArg(args, '--big-rows', quick ? 0 : 2_000_000);
  const size = `${rows.toLocaleString('en')} rows`;
  const dir = mkdtempSync(join(tmpdir(), 'salon-bench-linkedin-'));
  const file = join(dir, 'Connections.csv');
  try {
    await writeLinkedInExport(file, rows, 7);
    const bytes = readFileSync(file).length;

    // Baselines: the best of three bare parses each.
    log(`contacts: bare parse of ${size}`);
    const own: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < 3; i++) {
      own.push(await seconds(() => ownParse(file)));
      peer.push(await seconds(() => csvParseParse(file)));
    }
    const ownSeconds = Math.min(...own);
    const peerSeconds = Math.min(...peer);
    const versusParse = (
      ours: number,
    ): Pick<BenchRow, 'peer' | 'peerValue' | 'ratio' | 'note'> => ({
      peer: 'bare parse, own tokenizer',
      peerValue: ownSeconds,
      ratio: ownSeconds / ours,
      note: `${(ours / ownSeconds).toFixed(1)}× own tokenizer, ${(ours / peerSeconds).toFixed(1)}× csv-parse ${csvParseVersion()}`,
    });

    const out: BenchRow[] = [
      {
        name: 'bare CSV parse: own tokenizer',
        size,
        ours: ownSeconds,
        unit: 's',
        peer: `csv-parse ${csvParseVersion()}`,
        peerValue: peerSeconds,
        ratio: peerSeconds / ownSeconds,
        note: `${(bytes / 2 ** 20).toFixed(1)} MB`,
      },
    ];

    const toRecords = Math.min(
      await seconds(() => recordsParse(file)),
      await seconds(() => recordsParse(file)),
    );
    out.push({
      name: 'parse into contact records (no store)',
      size,
      ours: toRecords,
      unit: 's',
      ...versusParse(toRecords),
    });

    const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_ADMIN_URL;
    const dialects: DialectName[] = (await postgresAnswers(adminUrl))
      ? ['sqlite', 'postgres']
      : ['sqlite'];
    for (const dialect of dialects) {
      const target = dialect === 'sqlite' ? 5 : 10;
      const opened = await openFor(dialect, adminUrl);
      try {
        log(`contacts: import ${size} into ${dialect}`);
        let report: ImportReport | undefined;
        const first = await seconds(async () => {
          report = await importFile(opened.store, opened.access, file);
        });
        if (report?.counts.created !== rows) {
          throw new Error(`expected ${rows} people created, got ${report?.counts.created}`);
        }
        out.push({
          name: `import LinkedIn export into ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
          size,
          ours: first,
          unit: 's',
          ...versusParse(first),
          target: `< ${target} s at 50k`,
          pass: first < target,
        });

        log(`contacts: re-import ${size} into ${dialect}`);
        const again = await seconds(async () => {
          report = await importFile(opened.store, opened.access, file);
        });
        if (report?.counts.unchanged !== rows) {
          throw new Error(
            `expected ${rows} unchanged on re-import, got ${report?.counts.unchanged}`,
          );
        }
        out.push({
          name: `re-import, all matches (${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
          size,
          ours: again,
          unit: 's',
          ...versusParse(again),
          ...(dialect === 'sqlite' ? { target: '< 5 s at 50k', pass: again < 5 } : {}),
        });

        if (dialect === 'sqlite') {
          log(`contacts: export ${size} as vCard`);
          const ctx = createContext(opened.store);
          const times: number[] = [];
          let cards = 0;
          for (let i = 0; i < (quick ? 1 : 3); i++) {
            times.push(
              await seconds(async () => {
                const exported = await exportContacts(ctx, opened.access, 'vcard');
                cards = 0;
                for await (const chunk of exported.chunks) {
                  cards += chunk.split('BEGIN:VCARD').length - 1;
                }
              }),
            );
          }
          // Your own card is left out while it is only the placeholder "Me".
          if (cards !== rows) throw new Error(`expected ${rows} cards, got ${cards}`);
          const exportSeconds = median(times);
          out.push({
            name: 'export everyone as vCard 3.0 (SQLite)',
            size: `${(rows + 1).toLocaleString('en')} people`,
            ours: exportSeconds,
            unit: 's',
            ...versusParse(exportSeconds),
            target: '< 3 s at 50k',
            pass: exportSeconds < 3,
          });
        }
      } finally {
        await opened.dispose();
      }
    }

    log(`contacts: peak RSS of importing ${size} (child process, SQLite)`);
    const child = await importInChild(file);
    out.push({
      name: 'peak RSS of the import (own process, SQLite)',
      size,
      ours: child.rssMb,
      unit: 'MB',
      target: '< 400 MB',
      pass: child.rssMb < 400,
      note: `import took ${child.seconds.toFixed(2)} s there; RSS includes Node and tsx`,
    });
    if (bigRows > 0) out.push(...(await bigImport(dir, bigRows, child, log)));

    const notes = [
      'ratio = bare parse with our tokenizer / the measured time (the share of the time that is parsing); the note gives the time as a multiple of each bare parse.',
      'Imports read the file from disk as `salon import` does: parse, match against the workspace and within the file, one transaction (people, search terms, ties to the host, undo records).',
      'A shared 2-core machine: other work runs beside the benchmark, so read the ratios as well as the seconds.',
    ];
    if (dialects.length === 1) notes.push(`PostgreSQL did not answer at ${adminUrl}: skipped.`);
    return [{ title: 'Contacts: import, re-import, export', rows: out, notes }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const benchmark: Benchmark = { name: 'contacts', run };

const childAt = process.argv.indexOf('--rss-child');
if (childAt >= 0 && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, data] = process.argv.slice(childAt + 1);
  if (!file || !data) throw new Error('usage: contacts.bench.ts --rss-child FILE DATA_DIR');
  await rssChild(file, data);
}
