/**
 * The data folder holds private notes about real people: it is made readable by its owner only
 * (0700), and the database file is created 0600 before SQLite opens it, so its journal files
 * (which SQLite creates with the database file's mode) are private too. An existing folder the
 * host chose keeps its mode; the database file in it is still made private.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Makes `dir` (owner only, when Salon creates it) and `file` in it (owner only, always). */
export const preparePrivateFile = (dir: string, file: string): void => {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  closeSync(openSync(file, 'a', FILE_MODE));
  chmodSync(file, FILE_MODE);
};
