/** The one place where errors become a readable line and an exit code. */
import { isDomainError } from '../domain/errors';

const EXIT_CODES: Readonly<Record<string, number>> = {
  invalid_input: 2,
  not_found: 3,
  conflict: 4,
  unauthenticated: 5,
  forbidden: 5,
  too_large: 2,
  rate_limited: 6,
};

export const reportError = (error: unknown): number => {
  if (isDomainError(error)) {
    process.stderr.write(`salon: ${error.message}\n`);
    for (const f of error.fields ?? []) process.stderr.write(`  ${f.field}: ${f.reason}\n`);
    return EXIT_CODES[error.code] ?? 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`salon: ${message}\n`);
  if (process.env.SALON_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
};
