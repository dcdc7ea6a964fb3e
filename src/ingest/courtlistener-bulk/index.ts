/** CourtListener bulk CSV import (`courtlistener-bulk`): see reader.ts for how the tables are joined. */
export { courtListenerBulk, courtListenerBulkReader } from './threaded.js';
export { discover, FORMAT, readBulk, type BulkReaderOptions } from './reader.js';
export { tableOf, type TableKind } from './tables.js';
export { PgCsvTokenizer, type CsvRecord } from './pg-csv.js';
export { caseSourceId, opinionSourceId } from './map.js';
