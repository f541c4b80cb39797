/** Accounts, sessions, tokens, workspaces and members. */
import { z } from 'zod';
import { ROLES } from '../domain/workspace';
import { shortText } from './common.contract';

export const SignUp = z
  .object({
    email: z.email('must be an email address').max(200),
    password: z.string().min(8, 'must be at least 8 characters').max(200),
    name: shortText().optional(),
  })
  .meta({ id: 'SignUp' });
export type SignUp = z.infer<typeof SignUp>;

export const SignIn = z
  .object({ email: z.string().max(200), password: z.string().max(200) })
  .meta({ id: 'SignIn' });
export type SignIn = z.infer<typeof SignIn>;

const Role = z.enum(ROLES as [string, ...string[]]);

export const WorkspaceSummary = z
  .object({ id: z.string(), name: z.string(), role: Role })
  .meta({ id: 'WorkspaceSummary' });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const Me = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    workspaces: z.array(WorkspaceSummary),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const WorkspaceCreate = z
  .object({ name: shortText().min(1) })
  .meta({ id: 'WorkspaceCreate' });

export const Member = z
  .object({
    userId: z.string().nullable(),
    email: z.string(),
    name: z.string().nullable(),
    role: Role,
    pending: z.boolean(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberInvite = z
  .object({ email: z.email('must be an email address'), role: Role.default('editor') })
  .meta({ id: 'MemberInvite' });

export const TokenCreate = z.object({ name: shortText(100).min(1) }).meta({ id: 'TokenCreate' });

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

/** The secret is shown once, at creation. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() }).meta({
  id: 'ApiTokenCreated',
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

/** The largest demo network the API loads. */
export const WEB_DEMO_MAX_PEOPLE = 5_000;

export const DemoRequest = z
  .object({
    // Bounded from the web: any account may ask, and a larger network is minutes of work and
    // a gigabyte of disk. `salon demo` on the host's own machine loads up to 50,000 people.
    people: z
      .number()
      .int()
      .min(10)
      .max(
        WEB_DEMO_MAX_PEOPLE,
        `at most ${WEB_DEMO_MAX_PEOPLE.toLocaleString('en')} people from the web (larger with salon demo)`,
      )
      .default(1000),
    ties: z
      .number()
      .int()
      .min(0)
      .max(WEB_DEMO_MAX_PEOPLE * 30)
      .optional(),
    seed: z.number().int().min(0).default(1),
  })
  .meta({ id: 'DemoRequest' });

export const DemoResult = z
  .object({ people: z.number(), ties: z.number(), moments: z.number(), seconds: z.number() })
  .meta({ id: 'DemoResult' });
export type DemoResult = z.infer<typeof DemoResult>;

export const Health = z.object({ ok: z.boolean(), database: z.string(), version: z.string() });
