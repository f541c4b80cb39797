/**
 * Password hashing with scrypt (memory-hard: N=2^17, r=8, p=1, 128 MiB and about half a second
 * per hash here), the parameters stored beside the hash so they can be raised later: a hash made
 * with weaker parameters is replaced at the next successful sign-in (`needsRehash`).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes; twice that leaves room for the parameters of older hashes. */
const MAX_MEMORY = 2 * 128 * PARAMS.N * PARAMS.r;
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** `scrypt$N$r$p$salt$hash`, base64 parts. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
};

/** True when `stored` was made with weaker parameters than today's. */
export const needsRehash = (stored: string): boolean => {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' || Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p
  );
};

let decoy: Promise<string> | undefined;

/**
 * A hash of no one's password, checked when the email is unknown so that signing in does the
 * same work, and takes the same time, whether or not an account exists.
 */
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(16).toString('base64'));
  return decoy;
};
