/**
 * A gathering: a table the host plans — its format, when and where, how many seats, whether
 * guests may bring someone, what it is for, and the guest list (each guest with why they are
 * there and whether the host locked them). It starts as a draft; invitations, answers and what
 * happened after (the hosting issue) move it through the later states.
 *
 * Seats are guests besides the host, within the format's range (`FORMAT_SEATS`). When guests
 * may bring someone, part of the seats is kept for whom they bring: by default half (a dinner
 * for 8 proposes 4 guests and keeps 4 seats), unless the host says how many.
 */
import { type FieldProblem, invalidInput } from './errors';
import { FORMAT_LABELS, FORMAT_SEATS, FORMATS, type Format } from './format';
import type { PersonId } from './person';

/** A gathering's life: only `draft` is reached for now; the hosting issue adds the rest. */
export type GatheringState = 'draft' | 'inviting' | 'held' | 'followed_up' | 'cancelled';

export const GATHERING_STATES: readonly GatheringState[] = [
  'draft',
  'inviting',
  'held',
  'followed_up',
  'cancelled',
];

/** How a guest came onto the list: proposed by the composer, or picked by the host. */
export type GuestSource = 'composed' | 'picked';

export interface GatheringGuest {
  readonly personId: PersonId;
  /** Why they are at this table, in sentences a host reads; may be empty for a hand pick. */
  readonly reasons: readonly string[];
  /** A locked guest stays when the host recomposes the table. */
  readonly locked: boolean;
  readonly source: GuestSource;
}

export interface Gathering {
  readonly id: string;
  readonly workspaceId: string;
  readonly format: Format;
  readonly title: string;
  /** The instant it starts, ISO 8601 in UTC; null while the host has not set a date. */
  readonly startsAt: string | null;
  /** The IANA time zone the host plans in ("Europe/Berlin"): the day and time guests see. */
  readonly timeZone: string;
  readonly place: string | null;
  /** Guests besides the host, plus-ones included. */
  readonly seats: number;
  /** Whether each guest may bring one person the host should know. */
  readonly plusOnes: boolean;
  /** Seats kept for whom the guests bring (0 without plus-ones). */
  readonly plusOneSeats: number;
  /** What the table is for ("climate investors"), matched against what people ask and offer. */
  readonly purpose: string | null;
  /** The host's note to the guests. */
  readonly note: string | null;
  readonly state: GatheringState;
  readonly guests: readonly GatheringGuest[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a host sets on a gathering; the rest is derived or kept by the store. */
export interface GatheringDraft {
  readonly format: Format;
  readonly title?: string | null | undefined;
  readonly startsAt?: string | null | undefined;
  readonly timeZone?: string | undefined;
  readonly place?: string | null | undefined;
  /** Defaults to the format's largest table. */
  readonly seats?: number | undefined;
  readonly plusOnes?: boolean | undefined;
  /** Defaults to half the seats (rounded down) when plus-ones are allowed, else 0. */
  readonly plusOneSeats?: number | undefined;
  readonly purpose?: string | null | undefined;
  readonly note?: string | null | undefined;
}

/** A draft's fields, checked and completed with their defaults. */
export type GatheringFields = Omit<
  Gathering,
  'id' | 'workspaceId' | 'state' | 'guests' | 'createdAt' | 'updatedAt'
>;

export const DEFAULT_TIME_ZONE = 'UTC';

export const isFormat = (value: string): value is Format => (FORMATS as string[]).includes(value);

/** Whether the runtime knows this IANA time zone. */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

/** The seats kept for plus-ones when the host does not say: half, so each guest can bring one. */
export const defaultPlusOneSeats = (seats: number, plusOnes: boolean): number =>
  plusOnes ? Math.floor(seats / 2) : 0;

/** How many guests the host invites (and the composer proposes): seats not kept for plus-ones. */
export const invitedSeats = (g: Pick<Gathering, 'seats' | 'plusOneSeats'>): number =>
  g.seats - g.plusOneSeats;

/** The default title: "Breakfast", "Golf foursome". */
export const defaultGatheringTitle = (format: Format): string => FORMAT_LABELS[format];

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The parts of an instant on the wall clock of a time zone. */
const wallClock = (instant: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** The UTC offset of a time zone at an instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string): number => {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
};

/**
 * The instant (ISO, UTC) of a start the host typed: either with its offset ("…T08:00Z",
 * "…T08:00+01:00") or as a wall-clock time ("2026-03-12T08:00") in `timeZone`. Null when the
 * text is neither or names a time that does not exist.
 */
export const startInstant = (text: string, timeZone: string): string | null => {
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const m = LOCAL_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;
  // Two steps find the offset in force at that wall time (once more across a change of offset).
  let instant = naive - offsetAt(naive, timeZone);
  instant = naive - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
};

/** The calendar day (YYYY-MM-DD) of an instant in a time zone: the day the guests see. */
export const localDay = (instant: string, timeZone: string): string => {
  const w = wallClock(Date.parse(instant), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

/** The wall-clock start (YYYY-MM-DDTHH:mm) of an instant in a time zone, as a form shows it. */
export const localStart = (instant: string, timeZone: string): string => {
  const w = wallClock(Date.parse(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
};

const blankToNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

/**
 * A draft checked against the rules of a gathering, with its defaults filled in, or
 * `invalid_input` naming every bad field: seats within the format's range, seats for plus-ones
 * only when guests may bring someone and no more than the guests who could bring them, a known
 * time zone, a start the host can read.
 */
export const checkGathering = (draft: GatheringDraft): GatheringFields => {
  const problems: FieldProblem[] = [];
  if (!isFormat(draft.format)) {
    throw invalidInput(`Unknown format "${String(draft.format)}"`, [
      { field: 'format', reason: `must be one of ${FORMATS.join(', ')}` },
    ]);
  }
  const range = FORMAT_SEATS[draft.format];
  const seats = draft.seats ?? range.max;
  if (!Number.isInteger(seats) || seats < range.min || seats > range.max) {
    problems.push({
      field: 'seats',
      reason: `a ${FORMAT_LABELS[draft.format].toLowerCase()} seats ${range.min === range.max ? range.min : `${range.min} to ${range.max}`} guests besides you`,
    });
  }
  const plusOnes = draft.plusOnes ?? false;
  const plusOneSeats = draft.plusOneSeats ?? defaultPlusOneSeats(seats, plusOnes);
  if (!Number.isInteger(plusOneSeats) || plusOneSeats < 0) {
    problems.push({ field: 'plusOneSeats', reason: 'must be a whole number, 0 or more' });
  } else if (!plusOnes && plusOneSeats > 0) {
    problems.push({ field: 'plusOneSeats', reason: 'guests may not bring anyone to this table' });
  } else if (plusOneSeats > seats - plusOneSeats) {
    problems.push({
      field: 'plusOneSeats',
      reason: 'each guest brings at most one person: keep at most half the seats for them',
    });
  }
  const timeZone = draft.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    problems.push({ field: 'timeZone', reason: 'must be a time zone such as Europe/Berlin' });
  }
  let startsAt: string | null = null;
  if (draft.startsAt) {
    startsAt = isTimeZone(timeZone) ? startInstant(draft.startsAt, timeZone) : null;
    if (startsAt === null && isTimeZone(timeZone)) {
      problems.push({
        field: 'startsAt',
        reason: 'must be a date and time such as 2026-03-12T08:00 (or with its offset)',
      });
    }
  }
  if (problems.length > 0) {
    throw invalidInput(`Invalid gathering: ${problems.map((p) => p.field).join(', ')}`, problems);
  }
  return {
    format: draft.format,
    title: blankToNull(draft.title) ?? defaultGatheringTitle(draft.format),
    startsAt,
    timeZone,
    place: blankToNull(draft.place),
    seats,
    plusOnes,
    plusOneSeats,
    purpose: blankToNull(draft.purpose),
    note: blankToNull(draft.note),
  };
};

/**
 * A guest list checked against the gathering: nobody twice, the host not among the guests, and
 * no more guests than the seats not kept for plus-ones.
 */
export const checkGuestList = (
  gathering: Pick<Gathering, 'seats' | 'plusOneSeats'>,
  guests: readonly Pick<GatheringGuest, 'personId'>[],
  hostId: PersonId | null,
): void => {
  const problems: FieldProblem[] = [];
  const seen = new Set<PersonId>();
  guests.forEach((g, i) => {
    if (seen.has(g.personId))
      problems.push({ field: `guests.${i}.personId`, reason: 'is already on the list' });
    if (g.personId === hostId)
      problems.push({ field: `guests.${i}.personId`, reason: 'is you, the host' });
    seen.add(g.personId);
  });
  const room = invitedSeats(gathering);
  if (guests.length > room) {
    problems.push({
      field: 'guests',
      reason: `${guests.length} guests for ${room} seat${room === 1 ? '' : 's'}${gathering.plusOneSeats > 0 ? ` (${gathering.plusOneSeats} kept for plus-ones)` : ''}`,
    });
  }
  if (problems.length > 0) {
    throw invalidInput(
      `Invalid guest list: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
      problems,
    );
  }
};

/** Only a draft's details and guest list may be changed freely. */
export const isDraft = (g: Pick<Gathering, 'state'>): boolean => g.state === 'draft';
