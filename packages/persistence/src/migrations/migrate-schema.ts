import { MigrationExecutor, type DataSource } from 'typeorm';
import { runInScope } from '../connection/access-scope.js';
import { revokeBookkeepingSql, schemaBootstrapSql } from './schema-bootstrap-sql.js';

/**
 * Creates the service's schema and roles and runs its pending migrations, all in one transaction under an
 * advisory lock per schema: two processes starting together migrate one after the other, and a failed
 * migration leaves nothing behind. Returns the names of the migrations applied.
 */
export async function migrateSchema(
  dataSource: DataSource,
  owner: object,
  service: string,
): Promise<string[]> {
  return runInScope({ owner, kind: 'maintenance', ended: false }, async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chorus:migrate:${service}`]);
      for (const sql of schemaBootstrapSql(service)) {
        await runner.query(sql);
      }
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      const applied = await executor.executePendingMigrations();
      await runner.query(revokeBookkeepingSql(service));
      await runner.commitTransaction();
      return applied.map((migration) => migration.name);
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw new Error(`Migrating schema "${service}" failed: ${(error as Error).message}`, { cause: error });
    } finally {
      await runner.release();
    }
  });
}
