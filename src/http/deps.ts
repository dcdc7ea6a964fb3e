/** What the routes need: the store, and the write token (null = writes off). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../store/index.js';

export interface Deps {
  store: Store;
  token: string | null;
}

export type Api = OpenAPIHono;
