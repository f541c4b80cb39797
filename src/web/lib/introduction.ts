/**
 * A first draft of an introduction email between two people, for the host to edit and send
 * themselves: Salon does not send or track introductions yet (that comes with hosting).
 */
import { asSentence } from './reasons';

export interface IntroPerson {
  readonly displayName: string;
  readonly title?: string | null;
  readonly organization?: string | null;
  readonly emails?: readonly string[];
}

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

const describe = (person: IntroPerson): string => {
  const role = [person.title, person.organization].filter(Boolean).join(' at ');
  return role ? `${person.displayName} (${role})` : person.displayName;
};

export interface IntroDraft {
  readonly subject: string;
  readonly body: string;
}

/** The subject and body of the email, in the host's voice. */
export const introDraft = (
  a: IntroPerson,
  b: IntroPerson,
  why: string,
  hostName: string,
): IntroDraft => {
  const reason = asSentence(why);
  const lines = [
    `Hi ${firstName(a.displayName)} and ${firstName(b.displayName)},`,
    '',
    'I’d like to introduce you to each other.',
    '',
    `${firstName(a.displayName)}, meet ${describe(b)}. ${firstName(b.displayName)}, meet ${describe(a)}.`,
    ...(reason ? ['', `Why I thought of you two: ${reason}`] : []),
    '',
    'I’ll let you take it from here.',
    '',
    hostName ? firstName(hostName) : '',
  ];
  return {
    subject: `Introduction: ${a.displayName} and ${b.displayName}`,
    body: lines.join('\n').trimEnd(),
  };
};

/** A mailto: link addressed to both (when their emails are known) with the draft filled in. */
export const mailtoOf = (to: readonly string[], draft: IntroDraft): string => {
  const params = new URLSearchParams({ subject: draft.subject, body: draft.body });
  // mailto wants %20 for spaces, not "+".
  const query = params.toString().replace(/\+/g, '%20');
  return `mailto:${to.map(encodeURIComponent).join(',')}?${query}`;
};
