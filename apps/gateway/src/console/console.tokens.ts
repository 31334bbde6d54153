/** The console's static build directory (its index.html is the single-page app's fallback); unset: no console. */
export const CONSOLE_DIR = Symbol('CONSOLE_DIR');
