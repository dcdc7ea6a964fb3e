/** htm bound to Preact (htm/preact): markup written as tagged templates, no JSX build step. */
import { html } from 'htm/preact';

export { html };
export type Html = ReturnType<typeof html>;
