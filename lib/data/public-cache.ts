import 'server-only';
import { unstable_cache } from 'next/cache';
import { PUBLIC_REVALIDATE_SECONDS, PUBLIC_TAG } from '../server/actions';
import { listPublicProjectCodes, readPublicChanges, readPublicProject, readPublicRegisters } from './public-register';

/**
 * The public register's reads, cached under one tag. A write that changes what
 * the public pages show revalidates the tag (lib/server/actions.ts); the time
 * limit is the fallback that makes several app instances on one database
 * converge, each within five minutes.
 */
const options = { tags: [PUBLIC_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS };

export const cachedPublicRegisters = unstable_cache(readPublicRegisters, ['public-registers'], options);
export const cachedPublicProject = unstable_cache(readPublicProject, ['public-project'], options);
export const cachedPublicProjectCodes = unstable_cache(listPublicProjectCodes, ['public-project-codes'], options);
export const cachedPublicChanges = unstable_cache(() => readPublicChanges(), ['public-changes'], options);
