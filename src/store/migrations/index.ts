/** Every migration, in order. A static list: no file-system scanning, so bundling cannot lose one. */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as demoPlans from './0002-demo-plans';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-demo-plans': demoPlans,
};
