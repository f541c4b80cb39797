/**
 * The tables as Kysely sees them. Lists (emails, tags, asks…) are JSON text in both dialects so
 * one set of queries serves SQLite and PostgreSQL; booleans are 0/1; dates and times are ISO text.
 */
import type { Generated } from 'kysely';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session secret: a stolen database does not yield live cookies. */
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
  /** Added by 0006-engine-weights. JSON: the host's weights of pair value; null keeps the defaults. */
  engine_weights: string | null;
  /** Added by 0008-change-counter: bumped by every write that changes what the engine reads. */
  change_count: Generated<number>;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface WorkspaceInviteTable {
  workspace_id: string;
  email: string;
  role: string;
  created_at: string;
}

export interface PersonTable {
  workspace_id: string;
  id: string;
  is_self: number;
  display_name: string;
  sort_key: string;
  given_name: string | null;
  family_name: string | null;
  emails: string;
  phones: string;
  organization: string | null;
  title: string | null;
  location: string | null;
  tags: string;
  interests: string;
  asks: string;
  offers: string;
  notes: string | null;
  stature: number | null;
  how_we_met: string | null;
  how_we_met_moment_id: string | null;
  introduced_by_id: string | null;
  source: string;
  last_contact_on: string | null;
  created_at: string;
  updated_at: string;
  /** Added by 0003-contacts. */
  linkedin_url: string | null;
  /** JSON: `{ kind: 'inline', mediaType, base64 }` or `{ kind: 'url', url }`. */
  photo: string | null;
  /** JSON: `{ relatedNames, socialProfiles }` as the contact card had them. */
  profiles: string | null;
  /** The import batch that created this person (undo removes them). */
  import_batch_id: string | null;
  /** Added by 0009-contact-details, JSON or null when empty: `{ [email or phone]: { types, label } }`. */
  contact_labels: string | null;
  /** JSON: `[{ url, label }]`. */
  websites: string | null;
  /** JSON: `[{ name, relation }]` (before 0009, inside `profiles`). */
  related_names: string | null;
  /** JSON: `[{ kind, date, label }]`. */
  dates: string | null;
}

export interface PersonSearchTable {
  workspace_id: string;
  term: string;
  person_id: string;
  /** The person's `people.sort_key`, so that search finds its page in name order in the index. */
  sort_key: string;
}

export interface TieTable {
  workspace_id: string;
  id: string;
  a_id: string;
  b_id: string;
  strength: number;
  source: string;
  since: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface MomentTable {
  workspace_id: string;
  id: string;
  context: string;
  kind: string;
  title: string;
  occurred_on: string;
  place: string | null;
  notes: string | null;
  created_at: string;
}

export interface MomentAttendeeTable {
  workspace_id: string;
  moment_id: string;
  person_id: string;
  mark: string;
}

export interface DemoPlanTable {
  workspace_id: string;
  seed: number;
  /** JSON: { brokers: personId[], circles: { name, kind, members: personId[] }[] }. */
  plan: string;
  created_at: string;
}

export interface ImportBatchTable {
  workspace_id: string;
  id: string;
  /** `linkedin`, `vcard`, … or several joined with `+` when one batch read several files. */
  format: string;
  file_name: string;
  created_at: string;
  /** JSON: the counts of the import (created, updated, merged, …). */
  summary: string;
  undone_at: string | null;
}

export interface ImportChangeTable {
  workspace_id: string;
  batch_id: string;
  person_id: string;
  /** `updated` (with `previous`) or `tie` (the tie with the host the import added). */
  kind: string;
  /** JSON: the person's columns before an update, to put back on undo. */
  previous: string | null;
  /** The person's (or the tie's) `updated_at` right after the import: undo refuses if it moved. */
  stamp: string;
}

/** A person the host wants to grow closer to (their goals). */
export interface PersonGoalTable {
  workspace_id: string;
  person_id: string;
  created_at: string;
}

export interface CircleNameTable {
  workspace_id: string;
  id: string;
  name: string;
  /** JSON list of the person ids the circle held when the host named it. */
  members: string;
  created_at: string;
}

export interface GatheringTable {
  workspace_id: string;
  id: string;
  format: string;
  title: string;
  /** ISO instant in UTC; null while the host has not set a date. */
  starts_at: string | null;
  /** IANA time zone the host plans in. */
  time_zone: string;
  place: string | null;
  seats: number;
  plus_ones: number;
  plus_one_seats: number;
  purpose: string | null;
  note: string | null;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface GatheringGuestTable {
  workspace_id: string;
  gathering_id: string;
  person_id: string;
  /** The guest's place in the list, from 0. */
  position: number;
  /** JSON list of sentences: why they are at this table. */
  reasons: string;
  locked: number;
  /** `composed` or `picked`. */
  source: string;
}

export interface Database {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  workspaces: WorkspaceTable;
  memberships: MembershipTable;
  workspace_invites: WorkspaceInviteTable;
  people: PersonTable;
  person_search: PersonSearchTable;
  ties: TieTable;
  moments: MomentTable;
  moment_attendees: MomentAttendeeTable;
  demo_plans: DemoPlanTable;
  circle_names: CircleNameTable;
  person_goals: PersonGoalTable;
  import_batches: ImportBatchTable;
  import_changes: ImportChangeTable;
  gatherings: GatheringTable;
  gathering_guests: GatheringGuestTable;
}
