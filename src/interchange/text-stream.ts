/**
 * Bytes to text, in bounded memory: decoding that notices a byte-order mark, UTF-16, and files
 * that are not UTF-8 at all (Outlook's Windows-1252 exports), and line splitting for any of
 * CRLF, LF and CR.
 */
import iconv from 'iconv-lite';

/** What the parsers read: a Node Readable, a web stream, or any async iterable of chunks. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

const asBytes = (chunk: Uint8Array | string): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;

/** Wraps whole content (a test fixture, an uploaded body) as a one-chunk source. */
export async function* byteSource(content: Uint8Array | string): AsyncGenerator<Uint8Array> {
  yield asBytes(content);
}

/** The first bytes of a source (at least `minBytes` unless it is shorter), and the whole source. */
export const peekBytes = async (
  source: ByteSource,
  minBytes: number,
): Promise<{ readonly head: Uint8Array; readonly source: AsyncIterable<Uint8Array> }> => {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < minBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const bytes = asBytes(next.value);
    chunks.push(bytes);
    size += bytes.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) yield chunk;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield asBytes(next.value);
    }
  }
  return { head, source: replay() };
};

/**
 * How many bytes at the end of `bytes` start a UTF-8 sequence that the chunk cuts short; they
 * belong to the next chunk.
 */
const incompleteTail = (bytes: Uint8Array): number => {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
};

/** The encodings `decodeText` can be told to use instead of detecting one. */
export type TextEncoding = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a byte source to text chunks. `auto` (the default) follows a byte-order mark
 * (UTF-8, UTF-16 LE/BE, removed from the text), else reads UTF-8 and switches to Windows-1252
 * at the first chunk that is not valid UTF-8: CSV exports from Outlook are often in the
 * Windows code page, and every byte of Windows-1252 decodes to something.
 */
export async function* decodeText(
  source: ByteSource,
  encoding: TextEncoding = 'auto',
): AsyncGenerator<string> {
  let mode: 'start' | 'utf-8' | 'legacy' | 'iconv' = encoding === 'auto' ? 'start' : 'iconv';
  let utf8 = new TextDecoder('utf-8', { fatal: true });
  let tail: Uint8Array = new Uint8Array(0);
  let converter = encoding === 'auto' ? null : iconv.getDecoder(iconvName(encoding));
  if (encoding === 'utf-8') {
    mode = 'utf-8';
    converter = null;
  }
  let first = true;

  for await (const chunk of source) {
    let bytes = asBytes(chunk);
    if (bytes.length === 0) continue;
    if (mode === 'start') {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        converter = iconv.getDecoder('utf16le');
        bytes = bytes.subarray(2);
        mode = 'iconv';
      } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        converter = iconv.getDecoder('utf16be');
        bytes = bytes.subarray(2);
        mode = 'iconv';
      } else {
        mode = 'utf-8';
      }
    }
    let text: string;
    if (mode === 'iconv' && converter) {
      text = converter.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    } else if (mode === 'utf-8') {
      try {
        text = utf8.decode(bytes, { stream: true });
        const cut = incompleteTail(bytes);
        tail = cut > 0 ? bytes.slice(bytes.length - cut) : new Uint8Array(0);
      } catch {
        // Not UTF-8 after all: decode what the UTF-8 decoder still held, and the rest, as the
        // Windows code page. Earlier chunks were valid UTF-8, so they were read correctly.
        mode = 'legacy';
        text = iconv.decode(Buffer.concat([tail, bytes]), 'win1252');
        utf8 = new TextDecoder('utf-8');
      }
    } else {
      text = iconv.decode(Buffer.from(bytes), 'win1252');
    }
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text) yield text;
  }
  if (mode === 'utf-8') {
    let rest: string;
    try {
      rest = utf8.decode();
    } catch {
      rest = iconv.decode(Buffer.from(tail), 'win1252');
    }
    if (rest) yield rest;
  } else if (mode === 'iconv' && converter) {
    const rest = converter.end();
    if (rest) yield rest;
  }
}

const iconvName = (encoding: Exclude<TextEncoding, 'auto'>): string =>
  encoding === 'windows-1252' ? 'win1252' : encoding.replace('-', '');

/** V8 copies a slice shorter than this; a longer one points into the string it was cut from. */
const SHARED_SLICE_MIN = 13;

/**
 * `text` as a string of its own. A slice of a decoded chunk keeps the whole chunk alive for as
 * long as the slice lives: a kept cell or key would hold on to the file's text, chunk by chunk.
 * Joining two parts builds a new flat string of exactly this text (a concatenation would point
 * at its parts; a slice of one, at a copy one character longer).
 */
export const detached = (text: string): string =>
  text.length < SHARED_SLICE_MIN ? text : [text.slice(0, 1), text.slice(1)].join('');

/** Rewrites CRLF and lone CR as LF, across chunk boundaries. */
export async function* normalizeNewlines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let pendingCr = false;
  for await (let chunk of text) {
    if (chunk.length === 0) continue;
    if (pendingCr) {
      chunk = chunk.startsWith('\n') ? chunk : `\n${chunk}`;
      pendingCr = false;
    }
    if (chunk.endsWith('\r')) {
      pendingCr = true;
      chunk = chunk.slice(0, -1);
    }
    yield chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
  }
  if (pendingCr) yield '\n';
}

/** Splits text into lines (without their line breaks); a final empty line is not reported. */
export async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of normalizeNewlines(text)) {
    rest += chunk;
    let start = 0;
    for (;;) {
      const end = rest.indexOf('\n', start);
      if (end < 0) break;
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest;
}
