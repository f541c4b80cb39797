/** Session and token secrets: random, shown to their owner once, stored only as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (prefix: string): string =>
  `${prefix}_${randomBytes(24).toString('base64url')}`;

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');
