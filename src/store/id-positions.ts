/**
 * Positions of row ids, found inside a longer text (a person's ties joined into one value)
 * without cutting each id out of it. Reading a million ties, making a million id strings and
 * hashing each in a Map took three times as long as reading the 32 hex digits of a UUID in
 * place and comparing them as four integers (measured at 50,000 people / 1,000,000 ties).
 * Ids that are not canonical lowercase UUIDs (from an old backup, say) take the slow way.
 */

/** Canonical UUID text: 36 characters, dashes at 8, 13, 18 and 23, lowercase hex elsewhere. */
const UUID_LENGTH = 36;
const DASH = 45;

/** Each hex digit's value; any other character gets a bit no digit has. */
const NOT_HEX = 0x10;
const HEX = new Uint8Array(65536).fill(NOT_HEX);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = 10 + c;

/** The characters read since the last reset, or-ed: NOT_HEX is set if any was not a digit. */
let seen = 0;

/** The value of `count` hex digits from `from`, at most 8 (one 32-bit word). */
const digits = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let k = from; k < from + count; k++) {
    const digit = HEX[text.charCodeAt(k)]!;
    seen |= digit;
    value = (value << 4) | (digit & 0xf);
  }
  return value;
};

/**
 * Reads the UUID at text[from, from + 36) into words[at..at+4), its 32 digits as four 32-bit
 * words; false if it is not canonical.
 */
const readUuid = (text: string, from: number, words: Int32Array, at: number): boolean => {
  if (
    text.charCodeAt(from + 8) !== DASH ||
    text.charCodeAt(from + 13) !== DASH ||
    text.charCodeAt(from + 18) !== DASH ||
    text.charCodeAt(from + 23) !== DASH
  )
    return false;
  seen = 0;
  words[at] = digits(text, from, 8);
  words[at + 1] = (digits(text, from + 9, 4) << 16) | digits(text, from + 14, 4);
  words[at + 2] = (digits(text, from + 19, 4) << 16) | digits(text, from + 24, 4);
  words[at + 3] = digits(text, from + 28, 8);
  return (seen & NOT_HEX) === 0;
};

/**
 * A slot for the four words, from all of them: ids from an old backup may share most of their
 * digits (a UUIDv1's last twelve are its machine's address), and must not share a probe chain.
 */
const slotOf = (words: Int32Array, at: number): number => {
  const h =
    Math.imul(words[at]!, 0x9e3779b1) ^
    Math.imul(words[at + 1]!, 0x85ebca6b) ^
    Math.imul(words[at + 2]!, 0xc2b2ae35) ^
    Math.imul(words[at + 3]!, 0x27d4eb2f);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13);
};

export class IdPositions {
  /** Four words per position; positions whose id is not a canonical UUID are never probed. */
  private readonly words: Int32Array;
  /** Open addressing over the words (`slotOf`): position + 1, 0 for empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly others = new Map<string, number>();
  private readonly probe = new Int32Array(4);

  constructor(ids: readonly string[]) {
    let size = 2;
    while (size < 2 * ids.length) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.words = new Int32Array(4 * ids.length);
    for (const [position, id] of ids.entries()) {
      if (id.length !== UUID_LENGTH || !readUuid(id, 0, this.words, 4 * position)) {
        if (!this.others.has(id)) this.others.set(id, position);
        continue;
      }
      // An id given twice keeps its first position, as the other ids do.
      if (this.at(id, 0, UUID_LENGTH) !== -1) continue;
      let slot = slotOf(this.words, 4 * position) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = position + 1;
    }
  }

  /** The position of the id written at text[from, to), or -1 when it is none of ours. */
  at(text: string, from: number, to: number): number {
    const probe = this.probe;
    if (to - from !== UUID_LENGTH || !readUuid(text, from, probe, 0))
      return this.others.get(text.slice(from, to)) ?? -1;
    for (
      let slot = slotOf(probe, 0) & this.mask;
      this.slots[slot] !== 0;
      slot = (slot + 1) & this.mask
    ) {
      const position = this.slots[slot]! - 1;
      const at = 4 * position;
      if (
        this.words[at + 3] === probe[3] &&
        this.words[at] === probe[0] &&
        this.words[at + 1] === probe[1] &&
        this.words[at + 2] === probe[2]
      )
        return position;
    }
    return -1;
  }
}
