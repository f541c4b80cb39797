import { api, type MomentOfPerson, type Person, type TieOfPerson } from '../api/client';
import { type Fetched, useFetch } from './useFetch';

export interface PersonView {
  readonly person: Fetched<Person>;
  readonly ties: Fetched<TieOfPerson[]>;
  readonly moments: Fetched<MomentOfPerson[]>;
}

/** One person with their ties and moments, each loading (and reloading) on its own. */
export const usePerson = (workspaceId: string, personId: string): PersonView => ({
  person: useFetch(
    (signal) => api.people.get(workspaceId, personId, signal),
    [workspaceId, personId],
  ),
  ties: useFetch(
    (signal) => api.people.ties(workspaceId, personId, signal),
    [workspaceId, personId],
  ),
  moments: useFetch(
    (signal) => api.people.moments(workspaceId, personId, signal),
    [workspaceId, personId],
  ),
});
