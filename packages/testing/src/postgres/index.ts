export { createTestDatabase, DEFAULT_ADMIN_URL, type TestDatabase } from './create-test-database.js';
export { openTestPglite, type TestPglite } from './open-test-pglite.js';
