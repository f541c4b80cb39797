/**
 * Writes a realistic LinkedIn `Connections.csv` in the current layout — the `Notes:` preamble,
 * a blank line, `First Name,Last Name,URL,Email Address,Company,Position,Connected On` — with
 * N seeded rows: names with diacritics, about a quarter with an email, companies and positions
 * that need quoting, dates like `09 Oct 2024`, and unique profile URLs.
 *
 *   npx tsx bench/generators/linkedin-export.ts OUT.csv [ROWS=50000] [SEED=1]
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRng, pick, type Rng, randomInt } from '../../src/domain/random';

const GIVEN = [
  'Ana',
  'Ben',
  'Carla',
  'Dev',
  'Émile',
  'Fatima',
  'Guðrún',
  'Hiro',
  'Inés',
  'Jürgen',
  'Kwame',
  'Léa',
  'Mei',
  'Nikolai',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Søren',
  'Tomás',
  'Uma',
  'Vikram',
  'Wen',
  'Xavier',
  'Yara',
  'Zoë',
  'Aleksandra',
  'Björn',
  'Chloé',
  'Dmitri',
  'Esperanza',
  'François',
];
const FAMILY = [
  'Silva',
  'Okafor',
  'Mendes',
  'Patel',
  'García López',
  'Nguyen',
  'Weiß',
  'Kowalski',
  'Adeyemi',
  'Chen',
  'Dubois',
  'Eriksson',
  'Fernández',
  'Gupta',
  'Haddad',
  'Ivanova',
  'Jensen',
  "O'Brien",
  'Kim',
  'Lefèvre',
  'Müller',
  'Nakamura',
  'Østergaard',
  'Papadopoulos',
  'Rossi',
  'Schmidt',
];
const COMPANIES = [
  'Verdant Capital',
  'Acme, Inc.',
  'Northwind Traders',
  'Fabrik GmbH',
  'Tidewater Labs',
  'Brightline',
  'Seedling Ventures',
  'Harbor & Co',
  'Kola "Studio" Ltd',
  'Musée Ouvert',
  'Loop Health',
  'Bäckerei Müller',
  'Quanta Robotics',
  'Open Table Society',
  'Civic Works',
];
const POSITIONS = [
  'Partner',
  'Head of Growth',
  'Director, Partnerships',
  'CTO',
  'Founder & CEO',
  'Engineer',
  'Product Manager',
  'VP, Sales',
  'Designer',
  'Investor',
  'Board Member',
  'Chief of Staff',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const NOTES =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n';

export const LINKEDIN_HEADER =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

const cell = (text: string): string =>
  /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const row = (rng: Rng, i: number): string => {
  const given = pick(rng, GIVEN);
  const family = pick(rng, FAMILY);
  const handle = `${slug(given)}-${slug(family)}-${i.toString(36)}`;
  const email = rng() < 0.25 ? `${handle}@example.com` : '';
  const day = String(1 + randomInt(rng, 28)).padStart(2, '0');
  const date = `${day} ${pick(rng, MONTHS)} ${2008 + randomInt(rng, 17)}`;
  return [
    given,
    family,
    `https://www.linkedin.com/in/${handle}`,
    email,
    pick(rng, COMPANIES),
    pick(rng, POSITIONS),
    date,
  ]
    .map(cell)
    .join(',');
};

/** The file's text in chunks of about 64 KB: preamble and header, then `rows` seeded rows. */
export function* linkedInExportChunks(rows: number, seed = 1): Generator<string> {
  const rng = createRng(seed);
  let chunk = `${NOTES}${LINKEDIN_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${row(rng, i)}\n`;
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes `rows` seeded connections to `path` (UTF-8, LF line endings, as LinkedIn does). */
export const writeLinkedInExport = async (path: string, rows: number, seed = 1): Promise<void> => {
  const out = createWriteStream(path);
  for (const chunk of linkedInExportChunks(rows, seed)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [path, rows = '50000', seed = '1'] = process.argv.slice(2);
  if (!path) {
    console.error('usage: tsx bench/generators/linkedin-export.ts OUT.csv [ROWS] [SEED]');
    process.exit(2);
  }
  await writeLinkedInExport(path, Number(rows), Number(seed));
}
