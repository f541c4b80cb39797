import { useSyncExternalStore } from 'react';
import { dataVersion, subscribeDataVersion } from '../api/data-version';

/** The data version (see `api/data-version.ts`): a dependency that changes after every write. */
export const useDataVersion = (): number =>
  useSyncExternalStore(subscribeDataVersion, dataVersion, dataVersion);
