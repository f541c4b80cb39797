/**
 * The served OpenAPI document passes a real OpenAPI 3.1 validator, so a client generated from it
 * works: path parameters required, schemas well formed, references resolved.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../app/context';
import type { Store } from '../store/store';
import { openTestStore } from '../store/testing';
import { createApp } from './app';

interface Operation {
  readonly parameters?: ReadonlyArray<{ name: string; in: string; required?: boolean }>;
}

describe('the OpenAPI document at /api/openapi.json', () => {
  let store: Store;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    const res = await createApp(createContext(store)).request('/api/openapi.json');
    doc = await res.json();
  });
  afterAll(() => store.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('declares every parameter of every path template, required', () => {
    const problems = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
        return [...path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]) => {
          const parameter = declared.find((p) => p.name === name);
          if (!parameter) return [`${method} ${path}: {${name}} is not declared`];
          return parameter.required ? [] : [`${method} ${path}: {${name}} is optional`];
        });
      }),
    );
    expect(problems).toEqual([]);
  });
});
