/** Every migration, in order. A static list: no file-system scanning, so bundling cannot lose one. */
import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as demoPlans from './0002-demo-plans';
import * as contacts from './0003-contacts';
import * as circleNames from './0004-circle-names';
import * as searchOrder from './0005-search-order';
import * as engineWeights from './0006-engine-weights';
import * as tieGraph from './0007-tie-graph';
import * as changeCounter from './0008-change-counter';
import * as contactDetails from './0009-contact-details';
import * as gatherings from './0010-gatherings';
import * as personGoals from './0011-person-goals';

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-demo-plans': demoPlans,
  '0003-contacts': contacts,
  '0004-circle-names': circleNames,
  '0005-search-order': searchOrder,
  '0006-engine-weights': engineWeights,
  '0007-tie-graph': tieGraph,
  '0008-change-counter': changeCounter,
  '0009-contact-details': contactDetails,
  '0010-gatherings': gatherings,
  '0011-person-goals': personGoals,
};
