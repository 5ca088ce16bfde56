import { inspect } from 'node:util';

/**
 * What a failed script prints after "failed: ". An Error gives its message; anything
 * else (a promise rejected with undefined, a string, an object) becomes a sentence,
 * so the reader never sees a bare "undefined".
 */
export function describeFailure(reason: unknown): string {
  if (reason instanceof Error) {
    if (reason.message.trim()) return reason.message;
    return `a step failed with an empty ${reason.name}; the output above shows the step that was running.`;
  }
  if (reason === undefined || reason === null) {
    return `a step failed without giving a reason (its promise was rejected with ${String(reason)}); the output above shows the step that was running.`;
  }
  if (typeof reason === 'string' && reason.trim()) return reason;
  return `a step failed with ${inspect(reason, { depth: 2, breakLength: Infinity })} instead of an error; the output above shows the step that was running.`;
}
