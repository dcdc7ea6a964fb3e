/** The store's public surface: records, the Store interface, and how to open one. */
export type * from './types.js';
export { NOT_IN_CORPUS } from './types.js';
export type { CaseBatch, MigrationResult, Store, UpsertResult } from './store.js';
export type * from './payout-records.js';
export { payoutIdFor, payoutImportKey, officerRowIdFor } from './payout-records.js';
export { openStore, resolveDbPath, defaultDbPath, type OpenStoreOptions } from './open.js';
export { caseIdFor, opinionIdFor } from './records.js';
export { parseSearchQuery, type QueryNode } from './search-query.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './cursor.js';
