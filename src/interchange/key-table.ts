/**
 * The keys matching keeps, outside the JS heap. An import of two million rows keeps millions of
 * keys (LinkedIn profiles, emails, names); as strings in `Map`s they took some 80 bytes each,
 * and the garbage collector let the heap grow to nearly twice what was live. Here a key is its
 * UTF-8 bytes in one growing array, found through an open-addressing hash table, and its
 * entries a number beside it (or a list, for the few keys with several): typed arrays, some
 * 50 bytes a key, that the collector does not trace.
 */

/** The length an array grows to: half as large again, or `need` if more. */
const larger = (length: number, need: number): number => Math.max(need, Math.ceil(length * 1.5));

/** A growing array of 32-bit integers, zero where never set. */
export class IntList {
  private data = new Int32Array(1024);

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(larger(this.data.length, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = value;
  }
}

const encoder = new TextEncoder();

/** Distinct strings, numbered from 0 in the order they were added. */
export class KeyTable {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Key → where its bytes end (they start where the previous key's end). */
  private readonly ends = new IntList();
  private readonly hashes = new IntList();
  /** Key number + 1 by hash, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(1 << 10);
  private count = 0;
  /** The bytes of the key being looked up. */
  private query = new Uint8Array(256);
  private queryLength = 0;

  /** The number of `key`, or -1 when it was never added. */
  find(key: string): number {
    const slot = this.slotOf(key);
    return (this.slots[slot] ?? 0) - 1;
  }

  /** The number of `key`, which is added when new. */
  add(key: string): number {
    const slot = this.slotOf(key);
    const found = (this.slots[slot] ?? 0) - 1;
    if (found >= 0) return found;
    const id = this.count++;
    if (this.used + this.queryLength > this.bytes.length) {
      const next = new Uint8Array(larger(this.bytes.length, this.used + this.queryLength));
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes.set(this.query.subarray(0, this.queryLength), this.used);
    this.used += this.queryLength;
    this.ends.set(id, this.used);
    this.hashes.set(id, this.hashOfQuery());
    this.slots[slot] = id + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Where `key` is in `slots`, or the empty slot where it would go; leaves it in `query`. */
  private slotOf(key: string): number {
    this.encode(key);
    const hash = this.hashOfQuery();
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] ?? 0;
      if (slot === 0 || (this.hashes.get(slot - 1) === hash && this.isQuery(slot - 1))) return at;
    }
  }

  private encode(key: string): void {
    if (this.query.length < key.length * 3) this.query = new Uint8Array(key.length * 3);
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code >= 0x80) {
        this.queryLength = encoder.encodeInto(key, this.query).written;
        return;
      }
      this.query[i] = code;
    }
    this.queryLength = key.length;
  }

  /** FNV-1a over the bytes, then mixed so that the low bits the table uses vary. */
  private hashOfQuery(): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < this.queryLength; i++) {
      hash = Math.imul(hash ^ (this.query[i] ?? 0), 0x01000193);
    }
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    return hash ^ (hash >>> 13);
  }

  private isQuery(id: number): boolean {
    const start = id === 0 ? 0 : this.ends.get(id - 1);
    if (this.ends.get(id) - start !== this.queryLength) return false;
    for (let i = 0; i < this.queryLength; i++) {
      if (this.bytes[start + i] !== this.query[i]) return false;
    }
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let at = this.hashes.get(id) & mask;
      while (this.slots[at] !== 0) at = (at + 1) & mask;
      this.slots[at] = id + 1;
    }
  }
}

/**
 * Entries (numbers) by key, each key's entries in the order posted. Most keys have one entry
 * (an email, a LinkedIn profile), kept beside the key; more make a list of nodes.
 */
export class Postings {
  private readonly keys = new KeyTable();
  /** Key → -(its one entry + 1), or its first node + 1 when it has more (0: none). */
  private readonly heads = new IntList();
  /** Key → its last node, when it has more than one entry. */
  private readonly tails = new IntList();
  private readonly entries = new IntList();
  /** Node → the next node + 1 (0: the last). */
  private readonly nexts = new IntList();
  private nodes = 0;

  /**
   * Posts `entry` under `key`, once. A `fresh` entry (higher than any posted before) can only
   * be the key's last entry already (one contact with the same key twice), so the list is not
   * searched: a common name would otherwise cost a search of thousands of entries each time.
   */
  post(key: string, entry: number, fresh: boolean): void {
    const id = this.keys.add(key);
    const head = this.heads.get(id);
    if (head === 0) {
      this.heads.set(id, -(entry + 1));
      return;
    }
    if (head < 0) {
      const only = -head - 1;
      if (only === entry) return;
      const node = this.node(only);
      this.heads.set(id, node + 1);
      this.tails.set(id, node);
    } else {
      const tail = this.tails.get(id);
      if (this.entries.get(tail) === entry) return;
      if (!fresh && this.has(head - 1, entry)) return;
    }
    const node = this.node(entry);
    this.nexts.set(this.tails.get(id), node + 1);
    this.tails.set(id, node);
  }

  /**
   * Adds the entries under `key` to `into` (made on the first one found), each with `value`
   * unless it is there already; returns `into`.
   */
  collect<T>(key: string, value: T, into: Map<number, T> | null): Map<number, T> | null {
    const id = this.keys.find(key);
    if (id < 0) return into;
    const out = into ?? new Map<number, T>();
    const head = this.heads.get(id);
    if (head < 0) {
      if (!out.has(-head - 1)) out.set(-head - 1, value);
      return out;
    }
    for (let node = head - 1; node >= 0; node = this.nexts.get(node) - 1) {
      const entry = this.entries.get(node);
      if (!out.has(entry)) out.set(entry, value);
    }
    return out;
  }

  private node(entry: number): number {
    const node = this.nodes++;
    this.entries.set(node, entry);
    return node;
  }

  private has(from: number, entry: number): boolean {
    for (let node = from; node >= 0; node = this.nexts.get(node) - 1) {
      if (this.entries.get(node) === entry) return true;
    }
    return false;
  }
}
