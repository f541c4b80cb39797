/**
 * The circles' colours: a calm categorical palette drawn from the app's own inks (slate green,
 * ochre, plum, blue, …), distinct enough on warm paper and never loud. Circle 0 is the largest;
 * circles past the palette share one quiet grey, as "other circles".
 */
export const CIRCLE_PALETTE = [
  '#2e6b63',
  '#b07a2a',
  '#7a5c94',
  '#3d6a91',
  '#a4523f',
  '#5f7f35',
  '#3e8f99',
  '#b0607e',
  '#7c6a4a',
  '#5a64a0',
  '#8d8a2c',
  '#4f7d6b',
] as const;

export const OTHER_CIRCLE_COLOUR = '#a3a8a5';

/** The colour of a circle by its number (its place by size). */
export const circleColour = (circle: number): string =>
  circle >= 0 && circle < CIRCLE_PALETTE.length
    ? (CIRCLE_PALETTE[circle] ?? OTHER_CIRCLE_COLOUR)
    : OTHER_CIRCLE_COLOUR;
