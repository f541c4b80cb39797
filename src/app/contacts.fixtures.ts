/**
 * Test material for the contacts tests (use cases, API, CLI): a LinkedIn export and a phone's
 * vCard file of partly the same people, as a new user would drop them in.
 *
 * Shared: Ana (same email in both), Ben (same name; the phone card has no company). Only on
 * LinkedIn: Carla. Only on the phone: Dev. So 6 records, 4 people, 2 duplicates.
 */
import { byteSource } from '../interchange/text-stream';
import type { ImportFile } from './contacts-read';

export const LINKEDIN_SAMPLE = `Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ana,Silva,https://www.linkedin.com/in/ana-silva,ana@verdant.example,Verdant Capital,Partner,09 Oct 2024
Ben,Okafor,https://www.linkedin.com/in/ben-okafor,,Seedling Ventures,Investor,11 Mar 2022
Carla,Mendes,https://www.linkedin.com/in/carla-mendes,,Loop Health,CTO,01 Feb 2020
`;

export const VCARD_SAMPLE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Silva;Ana;;;',
  'FN:Ana Silva',
  'EMAIL;TYPE=INTERNET:ana@verdant.example',
  'EMAIL;TYPE=INTERNET:ana@home.example',
  'TEL;TYPE=CELL:+1 415 555 0132',
  'CATEGORIES:Running club',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Okafor;Ben;;;',
  'FN:Ben Okafor',
  'TEL;TYPE=CELL:+44 20 7946 0958',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Dev Patel',
  'N:Patel;Dev;;;',
  'EMAIL:dev@example.com',
  'END:VCARD',
  '',
].join('\r\n');

/** A LinkedIn export with two bad rows (lines 3 and 4) among good ones. */
export const LINKEDIN_WITH_BAD_ROWS = `First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ana,Silva,https://www.linkedin.com/in/ana-silva,ana@verdant.example,Verdant Capital,Partner,09 Oct 2024
Ben,Okafor,https://www.linkedin.com/in/ben-okafor,ben.okafor@,Seedling Ventures,Investor,11 Mar 2022
Carla,Mendes,https://www.linkedin.com/in/carla-mendes,,Loop Health,CTO,sometime in 2020
Dev,Patel,https://www.linkedin.com/in/dev-patel,,,,01 Feb 2020
`;

/** An in-memory file for an import. */
export const fileOf = (name: string, content: string | Uint8Array): ImportFile => ({
  name,
  bytes: byteSource(content),
});

/** The test stores, for tests of the layers above `app` (which may not reach the store). */
export { openTestStore, testDialects } from '../store/testing';
