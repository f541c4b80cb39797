// Starts the network worker thread: a worker does not inherit the TypeScript loader the main
// thread runs under (tsx), so it registers it before importing the worker's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
