// The import worker: the import request's outbox event starts it, in the same transaction as the
// import row, so an import is queued if and only if it was created.
import { subscribe } from '../../../../platform/events/outbox';
import { type ImportRequested, runImport } from './run';

subscribe<ImportRequested>('catalog-import', ['catalog.import_requested'], (event, { database }) =>
  runImport(database, event.payload),
);
