/** Where to go after signing in: only paths inside the app, never another site. */
export const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/people';
