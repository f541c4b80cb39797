/**
 * Contacts in and out: imports (with a dry run), the list of imports and undo, merging two
 * people, exports as a streamed download, and restoring a backup into an empty workspace.
 *
 * Uploads are not JSON: they take a raw file body (streamed, never held whole) or a multipart
 * form with one or more `file` parts, up to `UPLOAD_LIMIT` bytes. The 1 MB JSON limit of the
 * rest of the API does not apply to them (`isUploadRoute`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { exportContacts } from '../../app/contacts-export';
import {
  type CountryCode,
  type ImportBytes,
  type ImportFile,
  importContacts,
  previewImport,
} from '../../app/contacts-import';
import { listImports, undoImport } from '../../app/import-undo';
import { mergePeople } from '../../app/people-merge';
import { restoreBackup } from '../../app/workspace-restore';
import { WorkspaceItemParam, WorkspaceParam } from '../../contracts/common.contract';
import {
  ExportQuery,
  ImportBatch,
  ImportQuery,
  ImportReport,
  MergeRequest,
  MergeResult,
  RestoreResult,
  UndoResult,
} from '../../contracts/contacts.contract';
import { DomainError, invalidInput } from '../../domain/errors';
import type { Api, Env } from '../env';
import { commonErrors, jsonBody, jsonContent, security } from '../openapi';

/** The largest upload: a 200 MB contacts file with room to spare. */
export const UPLOAD_LIMIT = 250 * 1024 * 1024;

const UPLOAD_PATH = /^\/api\/workspaces\/[^/]+\/(imports|restore)\/?$/;

/** Whether a request is an upload, which has its own limit instead of the JSON one. */
export const isUploadRoute = (method: string, path: string): boolean =>
  method === 'POST' && UPLOAD_PATH.test(path);

const tooLarge = () =>
  new DomainError(
    'too_large',
    `The upload is larger than the limit of ${UPLOAD_LIMIT / 1024 / 1024} MB`,
  );

/** Refuses an upload whose declared length is over the limit before reading any of it. */
const uploadLimit: MiddlewareHandler<Env> = async (c, next) => {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > UPLOAD_LIMIT) throw tooLarge();
  await next();
};

/** A web stream's chunks, counted against the limit as they arrive. */
async function* limited(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
      if (size > UPLOAD_LIMIT) throw tooLarge();
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const isMultipart = (c: Context<Env>): boolean =>
  /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');

/**
 * The parts of a multipart form. A form is read whole (that is how forms are parsed), so its
 * body is counted against the limit as it arrives, also when no length was declared.
 */
const formParts = async (c: Context<Env>): Promise<File[]> => {
  const body = c.req.raw.body;
  if (!body) return [];
  let size = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.length;
        if (size > UPLOAD_LIMIT) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Request(c.req.url, {
      method: 'POST',
      headers: c.req.raw.headers,
      body: counted,
      duplex: 'half',
    } as RequestInit).formData();
  } catch {
    if (size > UPLOAD_LIMIT) throw tooLarge();
    throw invalidInput('The multipart form could not be read: it looks truncated or malformed');
  }
  return form.getAll('file').filter((part): part is File => part instanceof File);
};

/** The uploaded files: every `file` part of a form, or the raw body as one file. */
const uploadedFiles = async (
  c: Context<Env>,
  fallbackName: string,
): Promise<Array<{ name: string; bytes: ImportBytes }>> => {
  if (isMultipart(c)) {
    const parts = await formParts(c);
    if (parts.length === 0) {
      throw invalidInput('The form has no file: send the file in a part named "file"', [
        { field: 'file', reason: 'is required' },
      ]);
    }
    return parts.map((part) => ({
      name: part.name || fallbackName,
      bytes: limited(part.stream()),
    }));
  }
  const body = c.req.raw.body;
  if (!body) throw invalidInput('The request has no file: send it as the body');
  return [{ name: fallbackName, bytes: limited(body) }];
};

/** The upload body as OpenAPI describes it (documented only: uploads are read as streams). */
const uploadBody = (description: string) => ({
  body: {
    required: true,
    description,
    content: {
      'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } },
      'text/csv': { schema: { type: 'string' as const } },
      'text/vcard': { schema: { type: 'string' as const } },
      'multipart/form-data': {
        schema: {
          type: 'object' as const,
          properties: {
            file: {
              type: 'array' as const,
              items: { type: 'string' as const, format: 'binary' },
            },
          },
          required: ['file'],
        },
      },
    },
  },
});

const tags = ['Contacts'];

export const registerContactsRoutes = (app: Api): void => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/imports',
      tags,
      summary: 'Import contacts (LinkedIn, Google, Outlook CSV, vCard, Salon backup), or preview',
      description:
        'The body is the file (raw, up to 250 MB, streamed) or a multipart form with one or more `file` parts: several files are one import, so duplicates between them (a LinkedIn export and a phone’s vCard) are recognised. People are matched by email, LinkedIn URL, phone, then name and organisation; a match fills empty fields and adds emails, phones and tags, never overwriting. With `dryRun` nothing is written. By default a file with a bad row writes nothing (`written: false`, every problem listed); `skipInvalid` imports the good rows. An unreadable file (empty, binary, truncated, no header) answers 400 with one sentence.',
      security,
      middleware: [uploadLimit] as const,
      request: {
        params: WorkspaceParam,
        query: ImportQuery,
        ...uploadBody('The contacts file, or a multipart form with `file` parts'),
      },
      responses: {
        200: jsonContent(ImportReport, 'A dry run, or an import refused for bad rows'),
        201: jsonContent(ImportReport, 'Imported: `batchId` undoes it'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const files: ImportFile[] = (await uploadedFiles(c, query.fileName ?? 'upload')).map((f) => ({
        ...f,
        format: query.format,
      }));
      const options = {
        skipInvalid: query.skipInvalid,
        defaultCountry: query.defaultCountry as CountryCode | undefined,
      };
      const ctx = c.get('ctx');
      const access = c.get('access');
      if (query.dryRun) {
        return c.json(ImportReport.parse(await previewImport(ctx, access, files, options)), 200);
      }
      const report = ImportReport.parse(await importContacts(ctx, access, files, options));
      return c.json(report, report.written ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/imports',
      tags,
      summary: 'The imports of this workspace, most recent first',
      security,
      request: { params: WorkspaceParam },
      responses: { 200: jsonContent(z.array(ImportBatch), 'Imports'), ...commonErrors },
    }),
    async (c) =>
      c.json(z.array(ImportBatch).parse(await listImports(c.get('ctx'), c.get('access'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/imports/{id}/undo',
      tags,
      summary: 'Undo an import',
      description:
        'Removes the people it created, puts back the fields of the people it updated, removes the ties it added. 409 when any of those people changed since (undo later imports first).',
      security,
      request: { params: WorkspaceItemParam },
      responses: { 200: jsonContent(UndoResult, 'Undone'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        UndoResult.parse(await undoImport(c.get('ctx'), c.get('access'), c.req.valid('param').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/people/{id}/merge',
      tags: ['People'],
      summary: 'Merge another person into this one',
      description:
        'This person keeps their fields and fills the empty ones from the other; the other’s ties and moments move here (a tie both had is folded into one); then the other is deleted. One transaction.',
      security,
      request: { params: WorkspaceItemParam, ...jsonBody(MergeRequest) },
      responses: { 200: jsonContent(MergeResult, 'The merged person'), ...commonErrors },
    }),
    async (c) =>
      c.json(
        MergeResult.parse(
          await mergePeople(
            c.get('ctx'),
            c.get('access'),
            c.req.valid('param').id,
            c.req.valid('json').otherId,
          ),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/workspaces/{workspaceId}/export',
      tags,
      summary: 'Download the network: vCard 3.0 or 4.0, CSV, or the full JSON backup',
      description:
        'Streamed as an attachment. CSV cells beginning with =, +, -, @ are neutralised against formula injection. `json` is the backup that `POST …/restore` reads.',
      security,
      request: { params: WorkspaceParam, query: ExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: {
            'text/vcard': { schema: { type: 'string' as const } },
            'text/csv': { schema: { type: 'string' as const } },
            'application/json': { schema: { type: 'object' as const } },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const exported = await exportContacts(
        c.get('ctx'),
        c.get('access'),
        c.req.valid('query').format,
      );
      const encoder = new TextEncoder();
      const iterator = exported.chunks[Symbol.asyncIterator]();
      const stream = new ReadableStream<Uint8Array>({
        pull: async (controller) => {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
        cancel: async () => {
          await iterator.return?.();
        },
      });
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': exported.contentType,
          'content-disposition': `attachment; filename="${exported.fileName}"`,
          'cache-control': 'no-store',
        },
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/workspaces/{workspaceId}/restore',
      tags,
      summary: 'Restore a JSON backup into this (empty) workspace',
      description:
        'The body is the backup (raw JSON, or a multipart form with a `file` part), up to 250 MB. Every row comes back as it was; ids are kept unless this database already holds them, then renewed consistently. 409 when the workspace has anything but its host.',
      security,
      middleware: [uploadLimit] as const,
      request: { params: WorkspaceParam, ...uploadBody('The backup file') },
      responses: { 201: jsonContent(RestoreResult, 'Restored'), ...commonErrors },
    }),
    async (c) => {
      const [file] = await uploadedFiles(c, 'backup.json');
      const result = await restoreBackup(c.get('ctx'), c.get('access'), file!.bytes);
      return c.json(RestoreResult.parse(result), 201);
    },
  );
};
