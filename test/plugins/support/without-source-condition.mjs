// A Node module resolution hook: for modules under one folder, resolve as a production host would, without the
// repository's development condition (`@chorus/source`, which vitest passes to every test process).
let prefix = '';

export function initialize(data) {
  prefix = data.prefix;
}

export function resolve(specifier, context, nextResolve) {
  if (prefix && context.parentURL?.startsWith(prefix)) {
    const conditions = context.conditions.filter((condition) => condition !== '@chorus/source');
    return nextResolve(specifier, { ...context, conditions });
  }
  return nextResolve(specifier, context);
}
