/** Words the web app shows for the API's codes. */

/** How the host encountered an attendee at a moment. */
export const MARK_LABELS: Readonly<Record<string, string>> = {
  met_new: 'Met new',
  reconnected: 'Reconnected',
  present: 'Present',
};

/** What each tie strength means, in the host's words. */
export const STRENGTH_LABELS: Readonly<Record<number, string>> = {
  1: 'Met once',
  2: 'Acquaintance',
  3: 'Know well',
  4: 'Close',
  5: 'Very close',
};

/** Where a tie came from. */
export const TIE_SOURCE_LABELS: Readonly<Record<string, string>> = {
  recorded: 'Recorded',
  imported: 'Imported',
  moment: 'Met at a moment',
  gathering: 'Met at a gathering',
  introduction: 'Introduced',
};

/** Where a person came from. */
export const PERSON_SOURCE_LABELS: Readonly<Record<string, string>> = {
  manual: 'Added by hand',
  moment: 'Added while logging a moment',
  linkedin: 'Imported from LinkedIn',
  google: 'Imported from Google',
  outlook: 'Imported from Outlook',
  vcard: 'Imported from a vCard',
  backup: 'Restored from a backup',
  demo: 'Demo network',
};

/** How an imported record was recognised as someone already there. */
export const MATCHED_BY_LABELS: Readonly<Record<string, string>> = {
  email: 'same email',
  linkedin: 'same LinkedIn profile',
  phone: 'same phone number',
  'name-organization': 'same name and organisation',
  name: 'same name',
};

/** The formats an import recognises, as a host calls them. */
export const IMPORT_FORMAT_LABELS: Readonly<Record<string, string>> = {
  linkedin: 'LinkedIn',
  google: 'Google Contacts',
  outlook: 'Outlook',
  vcard: 'vCard',
  json: 'Salon backup',
  auto: 'Detected',
};
