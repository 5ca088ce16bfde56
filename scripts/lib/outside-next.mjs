/**
 * A module resolve hook for code that runs beside the Next.js server (the
 * notice worker of `npm start`): there `server-only` guards nothing, since no
 * client bundle is built, so it resolves to an empty module.
 */
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}
