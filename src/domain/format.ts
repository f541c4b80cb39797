/** Gathering formats: the kinds of table a host sets, each with the seat range it suits. */

export type Format =
  | 'coffee'
  | 'breakfast'
  | 'lunch'
  | 'drinks'
  | 'brunch'
  | 'dinner'
  | 'golf'
  | 'outing';

export interface SeatRange {
  /** Guests besides the host. */
  readonly min: number;
  readonly max: number;
}

/** Default guest counts (host excluded): a coffee is intimate, a golf foursome is exactly three. */
export const FORMAT_SEATS: Readonly<Record<Format, SeatRange>> = {
  coffee: { min: 1, max: 3 },
  breakfast: { min: 2, max: 6 },
  lunch: { min: 2, max: 6 },
  drinks: { min: 2, max: 8 },
  brunch: { min: 3, max: 8 },
  dinner: { min: 3, max: 10 },
  golf: { min: 3, max: 3 },
  outing: { min: 2, max: 12 },
};

export const FORMATS = Object.keys(FORMAT_SEATS) as Format[];

export const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  coffee: 'Coffee',
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  drinks: 'Drinks',
  brunch: 'Brunch',
  dinner: 'Dinner',
  golf: 'Golf foursome',
  outing: 'Outing',
};
