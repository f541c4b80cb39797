/**
 * A copy of a byte source, taken as it is read, to read it once more: an import reads its files
 * twice (to cluster them, then to write them) rather than hold every record, and an upload
 * cannot be asked for twice. Small sources stay in memory; past `memoryLimit` bytes the copy
 * goes to a temporary file that has no name on disk while it is used.
 */
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ByteSource } from './text-stream';

/** Held in memory up to here: a 50,000-row LinkedIn export (5 MB) never touches the disk. */
const MEMORY_LIMIT = 16 * 2 ** 20;

/** Bytes read back from the file at a time. */
const READ_SIZE = 256 * 1024;

export class Spool {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private file: { readonly dir: string; readonly handle: FileHandle } | null = null;

  constructor(private readonly memoryLimit = MEMORY_LIMIT) {}

  /** Passes `source` through, copying every chunk. */
  async *copy(source: ByteSource): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      await this.write(bytes);
      yield bytes;
    }
  }

  /** Everything copied so far, from the start. */
  async *read(): AsyncGenerator<Uint8Array> {
    if (!this.file) {
      yield* this.chunks;
      return;
    }
    for (let at = 0; at < this.size; ) {
      const { bytesRead, buffer } = await this.file.handle.read(
        Buffer.allocUnsafe(READ_SIZE),
        0,
        READ_SIZE,
        at,
      );
      if (bytesRead === 0) break;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  }

  /** Lets go of the copy (and removes its file). */
  async dispose(): Promise<void> {
    this.chunks = [];
    const file = this.file;
    this.file = null;
    if (!file) return;
    await file.handle.close();
    await rm(file.dir, { recursive: true, force: true });
  }

  private async write(bytes: Uint8Array): Promise<void> {
    if (!this.file && this.size + bytes.length <= this.memoryLimit) {
      this.chunks.push(bytes);
      this.size += bytes.length;
      return;
    }
    if (!this.file) {
      const dir = await mkdtemp(join(tmpdir(), 'salon-import-'));
      this.file = { dir, handle: await open(join(dir, 'source'), 'w+', 0o600) };
      // The open handle keeps the file's bytes; its name goes at once, so a process killed
      // mid-import leaves no copy of anyone's contacts behind (where the system allows
      // removing an open file; elsewhere `dispose` removes it).
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      for (const chunk of this.chunks) await writeAll(this.file.handle, chunk);
      this.chunks = [];
    }
    await writeAll(this.file.handle, bytes);
    this.size += bytes.length;
  }
}

/** A write may store only part of the bytes: the rest is written again (a full disk then fails). */
const writeAll = async (handle: FileHandle, bytes: Uint8Array): Promise<void> => {
  for (let done = 0; done < bytes.length; ) {
    done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
  }
};
