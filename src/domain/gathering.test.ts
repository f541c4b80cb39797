import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import {
  checkGathering,
  checkGuestList,
  invitedSeats,
  localDay,
  localStart,
  startInstant,
} from './gathering';

const problemsOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.fields ?? [];
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('a gathering', () => {
  it('keeps half the seats for plus-ones by default: a dinner for 8 proposes 4 guests', () => {
    const dinner = checkGathering({ format: 'dinner', seats: 8, plusOnes: true });
    expect(dinner.plusOneSeats).toBe(4);
    expect(invitedSeats(dinner)).toBe(4);
    expect(dinner.title).toBe('Dinner');
  });

  it('lets the host keep fewer seats for plus-ones, never more than the guests who bring them', () => {
    expect(
      invitedSeats(checkGathering({ format: 'dinner', seats: 8, plusOnes: true, plusOneSeats: 2 })),
    ).toBe(6);
    expect(
      problemsOf(() =>
        checkGathering({ format: 'dinner', seats: 8, plusOnes: true, plusOneSeats: 5 }),
      ),
    ).toEqual([expect.objectContaining({ field: 'plusOneSeats' })]);
    expect(
      problemsOf(() => checkGathering({ format: 'dinner', seats: 8, plusOneSeats: 2 })),
    ).toEqual([{ field: 'plusOneSeats', reason: 'guests may not bring anyone to this table' }]);
  });

  it("takes the format's largest table when seats are not given, and refuses seats outside its range", () => {
    expect(checkGathering({ format: 'breakfast' }).seats).toBe(6);
    expect(problemsOf(() => checkGathering({ format: 'breakfast', seats: 7 }))).toEqual([
      { field: 'seats', reason: 'a breakfast seats 2 to 6 guests besides you' },
    ]);
    expect(problemsOf(() => checkGathering({ format: 'golf', seats: 4 }))[0]?.reason).toBe(
      'a golf foursome seats 3 guests besides you',
    );
  });

  it('names every bad field at once: unknown time zone and an unreadable start', () => {
    const fields = problemsOf(() =>
      checkGathering({ format: 'lunch', seats: 1, timeZone: 'Mars/Olympus', startsAt: 'soon' }),
    ).map((p) => p.field);
    expect(fields).toEqual(['seats', 'timeZone']);
    expect(
      problemsOf(() => checkGathering({ format: 'lunch', startsAt: '2026-02-30T08:00' })),
    ).toEqual([expect.objectContaining({ field: 'startsAt' })]);
  });

  it('reads a wall-clock start in its time zone, across a change of offset', () => {
    expect(startInstant('2026-03-12T08:00', 'Europe/Berlin')).toBe('2026-03-12T07:00:00.000Z');
    expect(startInstant('2026-07-12T08:00', 'Europe/Berlin')).toBe('2026-07-12T06:00:00.000Z');
    expect(startInstant('2026-07-12T08:00+02:00', 'America/New_York')).toBe(
      '2026-07-12T06:00:00.000Z',
    );
    expect(localStart('2026-07-12T06:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-12T08:00');
    // 23:30 in Los Angeles is already the next day in UTC; the guests' day is the local one.
    expect(localDay('2026-07-13T06:30:00.000Z', 'America/Los_Angeles')).toBe('2026-07-12');
  });
});

describe('a guest list', () => {
  const breakfast = checkGathering({ format: 'breakfast', seats: 4, plusOnes: true });

  it('has room for the seats not kept for plus-ones', () => {
    expect(() =>
      checkGuestList(breakfast, [{ personId: 'a' }, { personId: 'b' }], 'me'),
    ).not.toThrow();
    expect(
      problemsOf(() =>
        checkGuestList(breakfast, [{ personId: 'a' }, { personId: 'b' }, { personId: 'c' }], 'me'),
      ),
    ).toEqual([{ field: 'guests', reason: '3 guests for 2 seats (2 kept for plus-ones)' }]);
  });

  it('holds nobody twice and never the host', () => {
    expect(
      problemsOf(() => checkGuestList(breakfast, [{ personId: 'a' }, { personId: 'a' }], 'me')),
    ).toEqual([{ field: 'guests.1.personId', reason: 'is already on the list' }]);
    expect(problemsOf(() => checkGuestList(breakfast, [{ personId: 'me' }], 'me'))).toEqual([
      { field: 'guests.0.personId', reason: 'is you, the host' },
    ]);
  });
});
