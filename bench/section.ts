/**
 * What a benchmark file exports. `bench/run.ts` finds every `bench/*.bench.ts`, runs its
 * sections in one process and writes `bench/results/latest.json` and a readable table.
 */

export interface BenchRow {
  /** What was measured, e.g. "pagerank" or "people search p95". */
  readonly name: string;
  /** The network or input size, e.g. "50k people / 1M ties". */
  readonly size?: string;
  /** Our figure, in `unit`. */
  readonly ours?: number;
  readonly unit?: string;
  /** The peer measured in the same run, with its version, and its figure in the same unit. */
  readonly peer?: string;
  readonly peerValue?: number;
  /** peerValue / ours for times (higher is better for us), stated so the table can print it. */
  readonly ratio?: number;
  /** The target the issue names, in words, and whether this run met it. */
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

export interface BenchSection {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  readonly notes?: readonly string[];
}

export interface BenchContext {
  /** Extra command-line arguments after the benchmark's name. */
  readonly args: readonly string[];
  /** `--quick`: small sizes only, for the test that keeps each benchmark runnable. */
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

export interface Benchmark {
  /** Short name used on the command line: `npm run bench -- NAME`. */
  readonly name: string;
  readonly run: (context: BenchContext) => Promise<BenchSection[]>;
}

/** The number after `name` on the command line (`--people 5000`), else `fallback`. */
export const numberArg = (args: readonly string[], name: string, fallback: number): number => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
};
