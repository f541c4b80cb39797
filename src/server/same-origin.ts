/**
 * Cross-site request forgery: a browser sends the session cookie with a form posted from any
 * page of the same site (another port of localhost is the same site, so `SameSite=Lax` does not
 * stop it). Every change that a cookie authenticates must come from Salon's own pages: the
 * browser says where a request comes from in `Origin` (or, for some requests, only in
 * `Sec-Fetch-Site`), and a different origin is refused. Scripts that send a bearer token carry
 * no ambient credential and are not affected; neither are clients that send neither header
 * (curl, the CLI), since only a browser can be tricked into sending the cookie.
 */
import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../domain/errors';
import type { Env } from './env';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Sec-Fetch-Site` values a browser sends for Salon's own pages and for typed-in addresses. */
const OWN_FETCH_SITES: ReadonlySet<string> = new Set(['same-origin', 'none']);

/** True when the browser's `Origin` names the host the request was sent to. */
const originMatches = (origin: string, requestUrl: string, hostHeader: string | undefined) => {
  if (origin === 'null') return false;
  try {
    const from = new URL(origin);
    const to = new URL(requestUrl);
    return from.host === (hostHeader ?? to.host) && from.protocol === to.protocol;
  } catch {
    return false;
  }
};

/** Refuses cookie-authenticated changes that a page of another origin caused. */
export const sameOriginWrites: MiddlewareHandler<Env> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next();
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const foreign =
    origin !== undefined
      ? !originMatches(origin, c.req.url, c.req.header('host'))
      : fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite);
  if (foreign) throw forbidden('This change was sent from another site and was refused');
  await next();
};

/**
 * The web app's Content-Security-Policy: scripts only from Salon itself (the built bundle has no
 * inline script), images also from data URIs (contact photos) and blobs, workers from blobs
 * (the map's layout worker), and no framing by any page.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React and sigma set element styles at run time; no script can come in through a style.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
