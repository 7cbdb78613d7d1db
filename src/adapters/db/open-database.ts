import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

const INT8_OID = 20;
const toNumber = (value: string): number => Number(value);

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob };

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** Set for PGlite: the single embedded connection (pg-boss shares it). */
  pglite: PGlite | undefined;
  /** Set for PostgreSQL: the connection string (pg-boss opens its own pool). */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * Opens PGlite (embedded, default) or PostgreSQL. int8 comes back as a JavaScript number on
 * both, so counts and identity ids compare the same way everywhere.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pglite: undefined, url: target.url, close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (target.dataDir !== undefined) {
    dataDir = path.resolve(target.dataDir, 'pglite');
    await mkdir(path.dirname(dataDir), { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(target.loadDataDir === undefined ? {} : { loadDataDir: target.loadDataDir }),
    parsers: { [INT8_OID]: toNumber },
    // The double-booking guard (an exclusion constraint over practitioner + time range) needs
    // btree_gist; a data folder migrated with it cannot be opened without it.
    extensions: { btree_gist },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    url: undefined,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
