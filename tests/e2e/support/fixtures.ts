/**
 * Every end-to-end spec imports `test` and `expect` from here, so that signing
 * in (and any other per-test set-up) is decided in one place.
 */
import { test as base, expect } from '@playwright/test';

export const test = base;
export { expect };
