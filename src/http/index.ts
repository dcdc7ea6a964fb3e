/** The HTTP layer's public surface. */
export { createApp, LIMITS, VERSION, type AppOptions } from './app.js';
export { startServer, type RunningServer, type ServeOptions } from './server.js';
export { resolveToken } from './auth.js';
export { CONTENT_SECURITY_POLICY } from './security.js';
