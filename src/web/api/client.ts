/**
 * The one way the web app reaches Salon: a typed fetch client over the JSON API, typed by the
 * zod contracts the server validates with. Every failure becomes an {@link ApiError} carrying the
 * server's stable `code`, its message and the reason for each bad field.
 */
import type { z } from 'zod';
import type {
  ApiToken,
  ApiTokenCreated,
  DemoResult,
  Health,
  Me,
  Member,
  MemberInvite,
  SessionProbe,
  SignIn,
  SignUp,
  WorkspaceStats,
  WorkspaceSummary,
} from '../../contracts/account.contract';
import type { ErrorBody } from '../../contracts/common.contract';
import type {
  EXPORT_FORMAT_CHOICES,
  ImportBatch,
  ImportReport,
  MergeResult as MergeResultSchema,
  UndoResult as UndoResultSchema,
} from '../../contracts/contacts.contract';
import type { EngineWeights, EngineWeightsView } from '../../contracts/engine-weights.contract';
import type {
  ComposeRequest,
  Composition,
  ExplainRequest,
  Gathering,
  GatheringComposition,
  GatheringCreate,
  GatheringUpdate,
  GuestsUpdate,
  Replacements,
  ReplacementsRequest,
  Seating,
  Series,
  SeriesRequest,
} from '../../contracts/gathering.contract';
import type { Moment, MomentCreate, MomentOfPerson } from '../../contracts/moment.contract';
import type {
  Circle,
  Circles,
  Introduction,
  Introductions,
  NetworkMap,
  ReachEntry,
  ReachList,
  ReachThrough,
  Suggestion,
  Suggestions,
} from '../../contracts/network.contract';
import type {
  PeoplePage,
  PeopleQuery as PeopleQuerySchema,
  Person,
  PersonCreate,
  PersonInput,
} from '../../contracts/person.contract';
import type { Tie, TieCreate, TieOfPerson } from '../../contracts/tie.contract';
import { bumpDataVersion } from './data-version';

/** The reason the server gave for one bad field. */
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

/** A failed API call: HTTP status, the server's error code and the per-field reasons. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
  }

  /**
   * The reason the server gave for one form field, matching nested paths by their first segment
   * ("emails.1" and "emails[1]" both belong to the "emails" field).
   */
  reasonFor(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || topField(f.field) === field)?.reason;
  }
}

const topField = (path: string): string => path.split(/[.[]/)[0] ?? path;

let onUnauthorized: (() => void) | null = null;

/** The session provider listens here so any 401 sends the user back to sign-in. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  onUnauthorized = handler;
};

interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Sign-in expects a 401 for a wrong password and must not trigger the global handler. */
  readonly quiet401?: boolean;
  /**
   * False for a write whose caller leaves the page at once (removing a person): refreshing
   * what is on screen would only ask for what is gone, and the next page loads fresh anyway.
   */
  readonly refreshes?: boolean;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Salon could not be reached. Check your connection.');
  }
  // A 204 has an empty body: `data` stays undefined.
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const body = (data as Partial<ErrorBody> | undefined)?.error;
    const error = new ApiError(
      response.status,
      body?.code ?? `http_${response.status}`,
      body?.message ?? (response.statusText || 'Something went wrong'),
      body?.fields ?? [],
    );
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  // A write landed: every loaded answer may be stale now. Signing in or out changes no data
  // (and a refetch after signing out would only meet a 401).
  if (method !== 'GET' && !path.startsWith('/auth/') && options.refreshes !== false)
    bumpDataVersion();
  return data as T;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const id = (value: string) => encodeURIComponent(value);

export type MemberInviteInput = z.input<typeof MemberInvite>;
export type MergeResult = z.infer<typeof MergeResultSchema>;
export type UndoResult = z.infer<typeof UndoResultSchema>;
export type {
  ApiToken,
  ApiTokenCreated,
  Circle,
  Circles,
  ComposeRequest,
  Composition,
  DemoResult,
  EngineWeights,
  EngineWeightsView,
  Gathering,
  GatheringCreate,
  ImportBatch,
  ImportReport,
  Introduction,
  Introductions,
  Me,
  Member,
  Moment,
  MomentCreate,
  MomentOfPerson,
  NetworkMap,
  PeoplePage,
  Person,
  PersonInput,
  ReachEntry,
  ReachList,
  ReachThrough,
  Replacements,
  Seating,
  Series,
  SignIn,
  SignUp,
  Suggestion,
  Suggestions,
  Tie,
  TieCreate,
  TieOfPerson,
  WorkspaceStats,
  WorkspaceSummary,
};

/** The formats Salon exports, as the settings page offers them. */
export type ExportFormat = (typeof EXPORT_FORMAT_CHOICES)[number];

export interface ImportOptions {
  readonly dryRun: boolean;
  readonly skipInvalid?: boolean;
  /** Called as the files go up, with the share sent so far in [0, 1]. */
  readonly onUpload?: (sent: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Uploads contacts files as one import (a multipart form, one `file` part each), reporting how
 * much has gone up: fetch cannot tell, so this one call uses XMLHttpRequest.
 */
const uploadImport = (
  workspaceId: string,
  files: readonly File[],
  options: ImportOptions,
): Promise<ImportReport> =>
  new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    const params = query({
      format: 'auto',
      dryRun: String(options.dryRun),
      skipInvalid: options.skipInvalid ? 'true' : undefined,
    });
    xhr.open('POST', `/api${ws(workspaceId)}/imports${params}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onUpload?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onUpload?.(1);
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'Salon could not be reached. Check your connection.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      const data = xhr.responseText ? safeJson(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) {
        if (!options.dryRun) bumpDataVersion();
        resolve(data as ImportReport);
        return;
      }
      const body = (data as Partial<ErrorBody> | undefined)?.error;
      if (xhr.status === 401) onUnauthorized?.();
      reject(
        new ApiError(
          xhr.status,
          body?.code ?? `http_${xhr.status}`,
          body?.message ?? (xhr.statusText || 'Something went wrong'),
          body?.fields ?? [],
        ),
      );
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });

export type PeopleQuery = Partial<z.infer<typeof PeopleQuerySchema>>;

/** The API, one function per endpoint, grouped by what it is about. */
export const api = {
  health: () => request<Health>('GET', '/health'),

  auth: {
    /** Who is signed in, if anyone: 200 either way, so a signed-out start logs no error. */
    session: () => request<SessionProbe>('GET', '/auth/session'),
    signUp: (body: SignUp) => request<Me>('POST', '/auth/sign-up', { body, quiet401: true }),
    signIn: (body: SignIn) => request<Me>('POST', '/auth/sign-in', { body, quiet401: true }),
    signOut: () => request<void>('POST', '/auth/sign-out', { quiet401: true }),
  },

  tokens: {
    list: () => request<ApiToken[]>('GET', '/tokens'),
    create: (name: string) => request<ApiTokenCreated>('POST', '/tokens', { body: { name } }),
    revoke: (tokenId: string) => request<void>('DELETE', `/tokens/${id(tokenId)}`),
  },

  workspaces: {
    list: () => request<WorkspaceSummary[]>('GET', '/workspaces'),
    create: (name: string) => request<WorkspaceSummary>('POST', '/workspaces', { body: { name } }),
    members: (workspaceId: string) => request<Member[]>('GET', `${ws(workspaceId)}/members`),
    invite: (workspaceId: string, body: MemberInviteInput) =>
      request<Member>('POST', `${ws(workspaceId)}/members`, { body }),
    stats: (workspaceId: string, signal?: AbortSignal) =>
      request<WorkspaceStats>('GET', `${ws(workspaceId)}/stats`, signal ? { signal } : {}),
    loadDemo: (workspaceId: string, body: { people?: number; seed?: number }) =>
      request<DemoResult>('POST', `${ws(workspaceId)}/demo`, { body }),
  },

  people: {
    list: (workspaceId: string, params: PeopleQuery, signal?: AbortSignal) =>
      request<PeoplePage>(
        'GET',
        `${ws(workspaceId)}/people${query({ q: params.q, cursor: params.cursor, limit: params.limit })}`,
        signal ? { signal } : {},
      ),
    get: (workspaceId: string, personId: string, signal?: AbortSignal) =>
      request<Person>('GET', `${ws(workspaceId)}/people/${id(personId)}`, signal ? { signal } : {}),
    create: (workspaceId: string, body: z.input<typeof PersonCreate>) =>
      request<Person>('POST', `${ws(workspaceId)}/people`, { body }),
    update: (workspaceId: string, personId: string, body: PersonInput) =>
      request<Person>('PATCH', `${ws(workspaceId)}/people/${id(personId)}`, { body }),
    remove: (workspaceId: string, personId: string) =>
      request<void>('DELETE', `${ws(workspaceId)}/people/${id(personId)}`, { refreshes: false }),
    /** Marks someone the host wants to grow closer to (one of their goals), or unmarks them. */
    setGoal: (workspaceId: string, personId: string, goal: boolean) =>
      request<{ personId: string; goal: boolean }>(
        'PUT',
        `${ws(workspaceId)}/people/${id(personId)}/goal`,
        { body: { goal } },
      ),
    ties: (workspaceId: string, personId: string, signal?: AbortSignal) =>
      request<TieOfPerson[]>(
        'GET',
        `${ws(workspaceId)}/people/${id(personId)}/ties`,
        signal ? { signal } : {},
      ),
    moments: (workspaceId: string, personId: string, signal?: AbortSignal) =>
      request<MomentOfPerson[]>(
        'GET',
        `${ws(workspaceId)}/people/${id(personId)}/moments`,
        signal ? { signal } : {},
      ),
  },

  ties: {
    create: (workspaceId: string, body: TieCreate) =>
      request<Tie>('POST', `${ws(workspaceId)}/ties`, { body }),
    update: (
      workspaceId: string,
      tieId: string,
      body: { strength?: number; since?: string | null; notes?: string | null },
    ) => request<Tie>('PATCH', `${ws(workspaceId)}/ties/${id(tieId)}`, { body }),
    remove: (workspaceId: string, tieId: string) =>
      request<void>('DELETE', `${ws(workspaceId)}/ties/${id(tieId)}`),
  },

  network: {
    suggestions: (workspaceId: string, personId: string, limit = 10, signal?: AbortSignal) =>
      request<Suggestions>(
        'GET',
        `${ws(workspaceId)}/people/${id(personId)}/suggestions${query({ limit })}`,
        signal ? { signal } : {},
      ),
    introductions: (workspaceId: string, limit = 20, signal?: AbortSignal) =>
      request<Introductions>(
        'GET',
        `${ws(workspaceId)}/introductions${query({ limit })}`,
        signal ? { signal } : {},
      ),
    reach: (workspaceId: string, top = 50, signal?: AbortSignal) =>
      request<ReachList>(
        'GET',
        `${ws(workspaceId)}/reach${query({ top })}`,
        signal ? { signal } : {},
      ),
    reachOf: (workspaceId: string, personId: string, signal?: AbortSignal) =>
      request<ReachEntry>(
        'GET',
        `${ws(workspaceId)}/people/${id(personId)}/reach`,
        signal ? { signal } : {},
      ),
    reachThrough: (workspaceId: string, signal?: AbortSignal) =>
      request<ReachThrough>('GET', `${ws(workspaceId)}/reach-through`, signal ? { signal } : {}),
    circles: (workspaceId: string, signal?: AbortSignal) =>
      request<Circles>('GET', `${ws(workspaceId)}/circles`, signal ? { signal } : {}),
    renameCircle: (workspaceId: string, circle: number, name: string) =>
      request<Circle>('PUT', `${ws(workspaceId)}/circles/${circle}/name`, { body: { name } }),
    weights: (workspaceId: string, signal?: AbortSignal) =>
      request<EngineWeightsView>(
        'GET',
        `${ws(workspaceId)}/engine-weights`,
        signal ? { signal } : {},
      ),
    setWeights: (workspaceId: string, weights: EngineWeights) =>
      request<EngineWeightsView>('PUT', `${ws(workspaceId)}/engine-weights`, {
        body: { weights },
      }),
    resetWeights: (workspaceId: string) =>
      request<EngineWeightsView>('DELETE', `${ws(workspaceId)}/engine-weights`),
    map: (workspaceId: string, limit = 5000, signal?: AbortSignal) =>
      request<NetworkMap>(
        'GET',
        `${ws(workspaceId)}/map${query({ limit })}`,
        signal ? { signal } : {},
      ),
  },

  contacts: {
    importFiles: uploadImport,
    imports: (workspaceId: string, signal?: AbortSignal) =>
      request<ImportBatch[]>('GET', `${ws(workspaceId)}/imports`, signal ? { signal } : {}),
    undoImport: (workspaceId: string, batchId: string) =>
      request<UndoResult>('POST', `${ws(workspaceId)}/imports/${id(batchId)}/undo`),
    merge: (workspaceId: string, survivorId: string, otherId: string) =>
      request<MergeResult>('POST', `${ws(workspaceId)}/people/${id(survivorId)}/merge`, {
        body: { otherId },
      }),
    /** A plain link: the browser downloads it with the session cookie. */
    exportUrl: (workspaceId: string, format: ExportFormat) =>
      `/api${ws(workspaceId)}/export${query({ format })}`,
  },

  gatherings: {
    list: (workspaceId: string, signal?: AbortSignal) =>
      request<Gathering[]>('GET', `${ws(workspaceId)}/gatherings`, signal ? { signal } : {}),
    get: (workspaceId: string, gatheringId: string, signal?: AbortSignal) =>
      request<Gathering>(
        'GET',
        `${ws(workspaceId)}/gatherings/${id(gatheringId)}`,
        signal ? { signal } : {},
      ),
    create: (workspaceId: string, body: GatheringCreate) =>
      request<Gathering>('POST', `${ws(workspaceId)}/gatherings`, { body }),
    update: (workspaceId: string, gatheringId: string, body: GatheringUpdate) =>
      request<Gathering>('PATCH', `${ws(workspaceId)}/gatherings/${id(gatheringId)}`, { body }),
    remove: (workspaceId: string, gatheringId: string) =>
      request<void>('DELETE', `${ws(workspaceId)}/gatherings/${id(gatheringId)}`),
    setGuests: (workspaceId: string, gatheringId: string, body: GuestsUpdate) =>
      request<Gathering>('PUT', `${ws(workspaceId)}/gatherings/${id(gatheringId)}/guests`, {
        body,
      }),
    compose: (workspaceId: string, body: ComposeRequest) =>
      request<Composition>('POST', `${ws(workspaceId)}/gatherings/compose`, { body }),
    explain: (workspaceId: string, body: ExplainRequest) =>
      request<Composition>('POST', `${ws(workspaceId)}/gatherings/explain`, { body }),
    replacements: (workspaceId: string, body: ReplacementsRequest) =>
      request<Replacements>('POST', `${ws(workspaceId)}/gatherings/replacements`, { body }),
    recompose: (workspaceId: string, gatheringId: string, body: { save?: boolean }) =>
      request<GatheringComposition>(
        'POST',
        `${ws(workspaceId)}/gatherings/${id(gatheringId)}/compose`,
        { body },
      ),
    seating: (workspaceId: string, gatheringId: string, tables: readonly number[]) =>
      request<Seating>('POST', `${ws(workspaceId)}/gatherings/${id(gatheringId)}/seating`, {
        body: { tables },
      }),
    series: (workspaceId: string, body: SeriesRequest) =>
      request<Series>('POST', `${ws(workspaceId)}/series`, { body }),
  },

  moments: {
    list: (workspaceId: string, limit = 50, signal?: AbortSignal) =>
      request<Moment[]>(
        'GET',
        `${ws(workspaceId)}/moments${query({ limit })}`,
        signal ? { signal } : {},
      ),
    get: (workspaceId: string, momentId: string) =>
      request<Moment>('GET', `${ws(workspaceId)}/moments/${id(momentId)}`),
    create: (workspaceId: string, body: MomentCreate) =>
      request<Moment>('POST', `${ws(workspaceId)}/moments`, { body }),
    update: (workspaceId: string, momentId: string, body: MomentCreate) =>
      request<Moment>('PUT', `${ws(workspaceId)}/moments/${id(momentId)}`, { body }),
    remove: (workspaceId: string, momentId: string) =>
      request<void>('DELETE', `${ws(workspaceId)}/moments/${id(momentId)}`),
  },
} as const;

/** A readable one-liner for any error a call may throw. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong';

/** Aborted requests are not failures: a newer one replaced them. */
export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
