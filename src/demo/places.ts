/**
 * Cities the demo people live in, each with the mobile-number shapes of its country so that
 * every phone is a plausible E.164 number (`+`, country code, national number).
 */
import { pick, type Rng, randomInt } from '../domain/random';

export interface City {
  readonly name: string;
  readonly country: string;
  /** E.164 prefixes of mobile numbers (country code and the start of the national number). */
  readonly mobilePrefixes: readonly string[];
  /** Digits that follow the prefix. */
  readonly subscriberDigits: number;
  /** The first subscriber digit is 2–9 (North American exchanges cannot start with 0 or 1). */
  readonly leadingNonZero?: boolean;
}

export const CITIES: readonly City[] = [
  {
    name: 'Berlin',
    country: 'Germany',
    mobilePrefixes: ['+49151', '+49152', '+49157', '+49176', '+49177'],
    subscriberDigits: 8,
  },
  {
    name: 'London',
    country: 'United Kingdom',
    mobilePrefixes: ['+4474', '+4475', '+4477', '+4478', '+4479'],
    subscriberDigits: 8,
  },
  {
    name: 'New York',
    country: 'United States',
    mobilePrefixes: ['+1212', '+1646', '+1917', '+1718', '+1347'],
    subscriberDigits: 7,
    leadingNonZero: true,
  },
  {
    name: 'San Francisco',
    country: 'United States',
    mobilePrefixes: ['+1415', '+1628'],
    subscriberDigits: 7,
    leadingNonZero: true,
  },
  {
    name: 'Toronto',
    country: 'Canada',
    mobilePrefixes: ['+1416', '+1647', '+1437'],
    subscriberDigits: 7,
    leadingNonZero: true,
  },
  { name: 'Amsterdam', country: 'Netherlands', mobilePrefixes: ['+316'], subscriberDigits: 8 },
  {
    name: 'Lisbon',
    country: 'Portugal',
    mobilePrefixes: ['+35191', '+35192', '+35193', '+35196'],
    subscriberDigits: 7,
  },
  {
    name: 'Copenhagen',
    country: 'Denmark',
    mobilePrefixes: ['+4520', '+4522', '+4526', '+4530', '+4540', '+4550', '+4560'],
    subscriberDigits: 6,
  },
  {
    name: 'Dublin',
    country: 'Ireland',
    mobilePrefixes: ['+35383', '+35385', '+35386', '+35387', '+35389'],
    subscriberDigits: 7,
  },
  { name: 'Paris', country: 'France', mobilePrefixes: ['+336', '+337'], subscriberDigits: 8 },
  { name: 'Madrid', country: 'Spain', mobilePrefixes: ['+346'], subscriberDigits: 8 },
  {
    name: 'Warsaw',
    country: 'Poland',
    mobilePrefixes: ['+4850', '+4851', '+4853', '+4857', '+4860', '+4866', '+4869', '+4879'],
    subscriberDigits: 7,
  },
  {
    name: 'Stockholm',
    country: 'Sweden',
    mobilePrefixes: ['+4670', '+4672', '+4673', '+4676', '+4679'],
    subscriberDigits: 7,
  },
  {
    name: 'Zürich',
    country: 'Switzerland',
    mobilePrefixes: ['+4176', '+4177', '+4178', '+4179'],
    subscriberDigits: 7,
  },
  {
    name: 'Lagos',
    country: 'Nigeria',
    mobilePrefixes: ['+234803', '+234806', '+234813', '+234816'],
    subscriberDigits: 7,
  },
  {
    name: 'Singapore',
    country: 'Singapore',
    mobilePrefixes: ['+658', '+659'],
    subscriberDigits: 7,
  },
  {
    name: 'Mumbai',
    country: 'India',
    mobilePrefixes: ['+9198', '+9199', '+9197'],
    subscriberDigits: 8,
  },
];

/** The cities a host plausibly lives in; the demo picks one per seed. */
export const HOST_CITIES: readonly string[] = [
  'Berlin',
  'London',
  'New York',
  'Toronto',
  'Amsterdam',
  'Lisbon',
  'Copenhagen',
  'Dublin',
];

/** "Berlin, Germany". */
export const cityLabel = (city: City): string => `${city.name}, ${city.country}`;

/** A random mobile number of the city's country in E.164 form. */
export const mobileNumber = (rng: Rng, city: City): string => {
  const digits = city.subscriberDigits;
  const lowest = city.leadingNonZero ? 2 * 10 ** (digits - 1) : 0;
  const subscriber = lowest + randomInt(rng, 10 ** digits - lowest);
  return `${pick(rng, city.mobilePrefixes)}${String(subscriber).padStart(digits, '0')}`;
};
