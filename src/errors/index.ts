export { CATALOG, EXIT, type ErrorCode, type ErrorSpec } from './catalog.js';
export { ClearlyError, toClearlyError, problemBody, type ErrorLocation } from './clearly-error.js';
