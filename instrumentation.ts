/**
 * Runs once when the server starts, before it answers any request. A server
 * with a broken environment stops here with every problem listed, instead of
 * serving errors on the requests that happen to read the bad value. (A thrown
 * error would only be logged while the server went on answering 500.)
 */
export async function register() {
  // Written as one block so that the Edge build drops it (NEXT_RUNTIME is known at build time).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnv, describeEnvProblems } = await import('./lib/server/env');
    const result = checkEnv(process.env, { requireSecret: process.env.NODE_ENV === 'production' });
    if (!result.ok) {
      console.error(`${describeEnvProblems(result.problems)}\nThe server did not start.`);
      process.exit(1);
    }
    const { installPeerAddressHeader } = await import('./lib/server/peer-address');
    installPeerAddressHeader();
    const { installUnavailableStatus } = await import('./lib/server/unavailable-status');
    installUnavailableStatus();
  }
}
