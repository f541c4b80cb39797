/** Small builders for route definitions, so every route documents its body and errors alike. */
import type { z } from 'zod';
import { ErrorBody } from '../contracts/common.contract';

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const error = (description: string) => jsonContent(ErrorBody, description);

/** The errors every authenticated route can answer. */
export const commonErrors = {
  400: error('Invalid input: `fields` names each bad field'),
  401: error('Not signed in'),
  403: error('Signed in, but your role does not allow this'),
  404: error('Not found (also for ids of other workspaces)'),
  409: error('Conflicts with existing data'),
  413: error('The body is larger than the limit'),
} as const;

export const noContent = { description: 'Done; no body' } as const;

export const security: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];
