// Integration tests run against the database the test runner prepared (scripts/test.ts).
if (!process.env.TEST_DATABASE_URL) {
  throw new Error('TEST_DATABASE_URL is not set: run integration tests through `npm test`, which prepares the database.');
}
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
