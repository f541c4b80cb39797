import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-tokenize';
import { chunked, drain } from './testing';
import { byteSource, decodeText, peekBytes, splitLines } from './text-stream';

const textOf = async (source: AsyncIterable<Uint8Array>): Promise<string> =>
  (await drain(decodeText(source))).join('');

async function* strings(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

describe('decoding bytes to text', () => {
  it('decodes UTF-8 cut inside a character and drops the byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFFJürgen Weiß — 山田', 'utf8');
    expect(await textOf(chunked(bytes, 1))).toBe('Jürgen Weiß — 山田');
  });

  it('switches to Windows-1252 when the bytes are not UTF-8, even late in the file', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a'.repeat(10), 'ascii'),
      Buffer.from('Zoé Müller €5', 'latin1'),
    ]);
    bytes[bytes.length - 2] = 0x80; // the euro sign in Windows-1252
    expect(await textOf(chunked(bytes, 4))).toBe(`${'a'.repeat(10)}Zoé Müller €5`);
  });

  it('decodes UTF-16 files that start with a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoé,Ana', 'utf16le')]);
    expect(await textOf(chunked(le, 3))).toBe('Zoé,Ana');
  });

  it('peeks at the first bytes and still yields every byte afterwards', async () => {
    const bytes = Buffer.from('0123456789');
    const { head, source } = await peekBytes(chunked(bytes, 3), 4);
    expect(Buffer.from(head).toString()).toBe('012345');
    expect(await textOf(source)).toBe('0123456789');
  });
});

describe('lines and CSV records', () => {
  it('splits lines on CRLF, LF and CR, also when CRLF is cut between chunks', async () => {
    expect(await drain(splitLines(strings('a\r', '\nb\rc\n', '\r\nd')))).toEqual([
      'a',
      'b',
      'c',
      '',
      'd',
    ]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks, with start lines', async () => {
    const rows = await drain(
      csvRows(strings('a,"b, c"\r\n\r\n"multi\r\nline ""note""",x\n', 'last,,')),
    );
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b, c'] },
      { line: 3, cells: ['multi\nline "note"', 'x'] },
      { line: 5, cells: ['last', '', ''] },
    ]);
  });

  it('keeps a quote inside an unquoted cell as text', async () => {
    const rows = await drain(csvRows(strings('Bob "The Builder",Smith\n')));
    expect(rows[0]?.cells).toEqual(['Bob "The Builder"', 'Smith']);
  });

  it('reads the same records however the text is chunked', async () => {
    const text = 'h1,h2\n"a\n""b""",c\nd,"e,f"\n\n g , h \n';
    const whole = await drain(csvRows(strings(text)));
    const pieces = text.split('');
    expect(await drain(csvRows(strings(...pieces)))).toEqual(whole);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });

  it('throws on a quote that is never closed', async () => {
    await expect(drain(csvRows(strings('a,"b\nc,d\n')))).rejects.toThrow(/it looks truncated/);
  });

  it('wraps whole content as a byte source', async () => {
    expect(await textOf(byteSource('plain'))).toBe('plain');
  });
});

describe('bounded memory on broken files', () => {
  it('stops at a CSV record longer than 16 MB instead of reading the rest of the file', async () => {
    async function* endless(): AsyncGenerator<string> {
      yield 'First Name,Last Name\nAna,"never closed';
      for (let i = 0; i < 400; i++) yield 'x'.repeat(65536);
    }
    await expect(drain(csvRows(endless()))).rejects.toThrow(
      'The record that starts on line 2 is longer than 16 MB: a quote is probably never closed.',
    );
  });
});
