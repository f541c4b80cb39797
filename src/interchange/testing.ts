/** Test support for the interchange tests: fixtures, chunked sources and draining generators. */
import { readFileSync } from 'node:fs';
import type { ImportItem, ImportProblem, ImportRecord } from './import-record';

/** The bytes of a file in `src/interchange/fixtures/`. */
export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** Where the vCard conformance corpus lives (`test/fixtures/conformance/`, sources in its README). */
export const CONFORMANCE = new URL('../../test/fixtures/conformance/', import.meta.url);

/** The bytes of a file in the conformance corpus, for example `vcard/nodevcf-xing.vcf`. */
export const conformance = (path: string): Buffer => readFileSync(new URL(path, CONFORMANCE));

/** A source that yields `bytes` in chunks of `size`, to cut records, lines and characters. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export const drain = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

export const recordsOf = (items: readonly ImportItem[]): ImportRecord[] =>
  items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));

export const problemsOf = (items: readonly ImportItem[]): ImportProblem[] =>
  items.flatMap((item) => (item.kind === 'invalid' ? item.problems : []));
