// The PostgreSQL schema is the SQLite schema with another datasource and output.
export function postgresSchemaFrom(sqliteSchema) {
  const swapped = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost:5432/promo_coach"')
    .replace('output          = "../src/db/generated/sqlite"', 'output          = "../../src/db/generated/postgres"');
  if (!swapped.includes('provider = "postgresql"') || !swapped.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma: datasource or generator block changed; update scripts/prisma-schema.mjs');
  }
  return swapped;
}
