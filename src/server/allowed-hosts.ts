/**
 * DNS rebinding: a web page can make its own host name point at 127.0.0.1 and then talk to a
 * server there as if it were its own origin, cookies aside. The defence is to answer only
 * requests whose `Host` names this server: the loopback names when it listens on loopback,
 * plus the address it listens on, `BASE_URL`'s host and any names in `SALON_ALLOWED_HOSTS`.
 * Listening on every interface (0.0.0.0) with no names given accepts any host, since the names
 * people use to reach it cannot be known.
 */
import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../domain/errors';
import type { Env } from './env';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '[::]']);

/** The host names a server listening on `listenHost` answers to; `null` for any. */
export const allowedHostsFor = (
  listenHost: string,
  extra: readonly string[] = [],
): readonly string[] | null => {
  const named = extra.map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (EVERY_INTERFACE.has(listenHost) && named.length === 0) return null;
  return [...new Set([...LOOPBACK_NAMES, listenHost.toLowerCase(), ...named])];
};

/** The name part of a `Host` header: `localhost:4321` → `localhost`, `[::1]:80` → `[::1]`. */
const hostName = (host: string): string => {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0] ?? lower;
};

/** Refuses requests whose `Host` is not one of `allowed` (every host when `allowed` is null). */
export const allowedHostsOnly =
  (allowed: readonly string[] | null): MiddlewareHandler<Env> =>
  async (c, next) => {
    if (allowed) {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      if (!allowed.includes(hostName(host)))
        throw forbidden(`This server does not answer to the host name "${hostName(host)}"`);
    }
    await next();
  };
