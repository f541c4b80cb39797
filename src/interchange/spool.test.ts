import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Spool } from './spool';
import { drain } from './testing';

const spoolFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('salon-import-'));

const copyOf = async (spool: Spool, chunks: Array<Uint8Array | string>): Promise<Buffer> => {
  const passed = await drain(
    spool.copy(
      (async function* () {
        yield* chunks;
      })(),
    ),
  );
  return Buffer.concat(passed);
};

describe('keeping a copy of a source to read it again', () => {
  it('passes every chunk through and reads the same bytes back from memory', async () => {
    const spool = new Spool();
    const passed = await copyOf(spool, ['Ana,', Buffer.from('Silva\n'), 'Zoë']);
    expect(passed.toString()).toBe('Ana,Silva\nZoë');
    expect(Buffer.concat(await drain(spool.read())).toString()).toBe('Ana,Silva\nZoë');
    await spool.dispose();
  });

  it('moves to a temporary file past its memory limit that has no name on disk', async () => {
    const before = spoolFiles();
    const spool = new Spool(10);
    const chunks = Array.from({ length: 50 }, (_, i) => `row ${i}\n`);
    await copyOf(spool, chunks);
    // Nothing to find, so nothing left behind if the process is killed now.
    expect(spoolFiles()).toEqual(before);
    const again = Buffer.concat(await drain(spool.read())).toString();
    expect(again).toBe(chunks.join(''));
    // Read twice, the file gives the same bytes again.
    expect(Buffer.concat(await drain(spool.read())).toString()).toBe(again);
    await spool.dispose();
    expect(spoolFiles()).toEqual(before);
  });
});
