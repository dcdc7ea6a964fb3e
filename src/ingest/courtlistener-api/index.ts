/** Live CourtListener REST API v4 import (`courtlistener-api`). */
export { apiOptionsFromEnv, courtListenerApiReader, FORMAT, type ApiQuery, type ApiReaderOptions } from './reader.js';
export { DEFAULT_BASE_URL } from './client.js';
export { DEFAULT_REQUESTS_PER_MINUTE, RateLimiter, realClock, retryAfterMs, type Clock } from './rate-limit.js';
