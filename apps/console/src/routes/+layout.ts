// A single-page app: nothing renders on a server, nothing is prerendered (docs/adr/0020-console.md).
export const ssr = false;
export const prerender = false;
