/** The PostgreSQL store: the Store interface on a server, read replicas, and the redaction every message uses. */
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { withReadReplicas, REPLICA_READS } from './replicas.js';
export { redactUrl } from './redact.js';
export { copyRows, copyField, type CopyValue } from './copy.js';
export { SCHEMA_VERSION as POSTGRES_SCHEMA_VERSION } from './migrate.js';
