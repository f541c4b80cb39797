/**
 * Contact details a card carries beyond names, emails and phones: the types and labels of each
 * email and phone, web sites, related names (once kept only inside `profiles`) and dates, each
 * a JSON column, null when empty. Phones written with `+` and spaces or dashes
 * (`+49 30 1234567`) are stored as E.164 (`+49301234567`), like everything imported since.
 * Frozen in time: `Kysely<any>`, nothing of the application imported.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped by design
type Db = Kysely<any>;

const COLUMNS = ['contact_labels', 'websites', 'related_names', 'dates'] as const;

/** Rows rewritten per round, so a large workspace's migration keeps its memory flat. */
const PAGE = 1000;

/** `+49 (30) 123-4567` → `+49301234567`; anything not international is left as written. */
const e164 = (phone: string): string => {
  const [main = '', ...rest] = phone.split(';');
  if (!/^\s*\+[\d\s().\-/]+$/.test(main)) return phone;
  const digits = main.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) return phone;
  return [`+${digits}`, ...rest].join(';');
};

interface Row {
  workspace_id: string;
  id: string;
  phones: string;
  profiles: string | null;
}

const rewrite = (row: Row): Record<string, string | null> | null => {
  const set: Record<string, string | null> = {};
  const phones = JSON.parse(row.phones) as string[];
  const normalised = [...new Set(phones.map(e164))];
  if (normalised.join('\n') !== phones.join('\n')) set.phones = JSON.stringify(normalised);
  if (row.profiles) {
    const { relatedNames, ...rest } = JSON.parse(row.profiles) as {
      relatedNames?: unknown[];
      socialProfiles?: unknown[];
    };
    if (relatedNames?.length) {
      set.related_names = JSON.stringify(relatedNames);
      set.profiles = rest.socialProfiles?.length ? JSON.stringify(rest) : null;
    }
  }
  return Object.keys(set).length > 0 ? set : null;
};

export async function up(db: Db): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const column of COLUMNS) {
    await db.schema.alterTable('people').addColumn(column, 'text').execute();
  }
  let after = '';
  for (;;) {
    const rows: Row[] = await db
      .selectFrom('people')
      .select(['workspace_id', 'id', 'phones', 'profiles'])
      .where('id', '>', after)
      .where((eb) => eb.or([eb('phones', 'like', '%+%'), eb('profiles', 'is not', null)]))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const set = rewrite(row);
      if (!set) continue;
      await db
        .updateTable('people')
        .set(set)
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.id)
        .execute();
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)?.id ?? after;
  }
}

export async function down(db: Db): Promise<void> {
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
