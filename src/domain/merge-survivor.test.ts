import { describe, expect, it } from 'vitest';
import { fullness, survivorByDefault } from './merge-survivor';

const record = (over: Record<string, unknown> = {}) => ({
  isSelf: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  givenName: null,
  familyName: null,
  emails: [] as string[],
  phones: [] as string[],
  organization: null,
  title: null,
  location: null,
  tags: [] as string[],
  interests: [] as string[],
  asks: [] as string[],
  offers: [] as string[],
  notes: null,
  stature: null,
  linkedinUrl: null,
  photo: null,
  ...over,
});

describe('the record a merge keeps by default', () => {
  it('keeps the fuller contact over a name typed in a hurry, whichever page the merge starts from', () => {
    const jurgen = record({
      givenName: 'Jürgen',
      emails: ['jurgen@example.com'],
      organization: 'Kanzlei Weber',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const jur = record({
      createdAt: '2026-03-01T00:00:00.000Z',
      howWeMet: 'Dinner',
      lastContactOn: '2026-03-01',
    });
    expect(survivorByDefault(jur, jurgen)).toBe(jurgen);
    expect(survivorByDefault(jurgen, jur)).toBe(jurgen);
    // What the moment filled in for "jur" does not make them fuller than a bare older record.
    const bare = record({ givenName: null, createdAt: '2025-01-01T00:00:00.000Z' });
    expect(survivorByDefault(jur, bare)).toBe(bare);
  });

  it('keeps the older of two equally full records', () => {
    const older = record({ organization: 'A', createdAt: '2025-05-01T00:00:00.000Z' });
    const newer = record({ organization: 'B', createdAt: '2026-05-01T00:00:00.000Z' });
    expect(survivorByDefault(newer, older)).toBe(older);
    expect(survivorByDefault(older, newer)).toBe(older);
  });

  it('keeps the host’s own record even when the other is fuller', () => {
    const host = record({ isSelf: true, createdAt: '2026-06-01T00:00:00.000Z' });
    const full = record({ organization: 'A', emails: ['a@example.com'] });
    expect(survivorByDefault(full, host)).toBe(host);
  });

  it('counts a list once it has an entry, and ignores empty text', () => {
    expect(fullness(record({ emails: [], notes: '' }))).toBe(0);
    expect(fullness(record({ emails: ['a@example.com', 'b@example.com'], stature: 3 }))).toBe(2);
  });
});
