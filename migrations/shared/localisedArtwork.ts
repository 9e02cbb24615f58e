/**
 * Migration `localised_artwork` moves the artwork columns (`poster_id`, `backdrop_id`) of films,
 * series and seasons, and of their versions, from the documents' tables into their locales
 * tables. The generated SQL drops the old columns (SQLite even rebuilds the tables) before the
 * new ones exist, so the values are set aside first and written into the default locale last.
 * Plain SQL that SQLite and PostgreSQL both accept (quoted identifiers, ON CONFLICT upsert).
 */

/** The default locale: where the artwork every locale shared so far goes. */
const defaultLocale = 'en'
const stash = '_localised_artwork_moves'

type ArtworkColumn = { table: string; localesTable: string; column: string }

const documentColumns = (collection: string, columns: string[]): ArtworkColumn[] =>
  columns.flatMap((column) => [
    { table: collection, localesTable: `${collection}_locales`, column: `${column}_id` },
    {
      table: `_${collection}_v`,
      localesTable: `_${collection}_v_locales`,
      column: `version_${column}_id`,
    },
  ])

const artworkColumns: ArtworkColumn[] = [
  ...documentColumns('films', ['poster', 'backdrop']),
  ...documentColumns('series', ['poster', 'backdrop']),
  ...documentColumns('seasons', ['poster']),
]

const createStash = `CREATE TABLE "${stash}" ("locales_table" text NOT NULL, "column_name" text NOT NULL, "parent_id" integer NOT NULL, "image_id" integer NOT NULL)`

/** up(), before the generated statements: every set artwork value, by row. */
export const stashDocumentArtwork = (): string[] => [
  createStash,
  ...artworkColumns.map(
    ({ table, localesTable, column }) =>
      `INSERT INTO "${stash}" ("locales_table", "column_name", "parent_id", "image_id") SELECT '${localesTable}', '${column}', "id", "${column}" FROM "${table}" WHERE "${column}" IS NOT NULL`,
  ),
]

/**
 * up(), after the generated statements: each value becomes the row's default-locale artwork
 * (the locale row is created when the document had none, e.g. no English title yet).
 */
export const restoreArtworkIntoDefaultLocale = (): string[] => [
  ...artworkColumns.map(
    ({ localesTable, column }) =>
      `INSERT INTO "${localesTable}" ("_locale", "_parent_id", "${column}") SELECT '${defaultLocale}', "parent_id", "image_id" FROM "${stash}" WHERE "locales_table" = '${localesTable}' AND "column_name" = '${column}' ON CONFLICT ("_locale", "_parent_id") DO UPDATE SET "${column}" = excluded."${column}"`,
  ),
  `DROP TABLE "${stash}"`,
]

/** down(), before the generated statements: the default-locale artwork, by row. */
export const stashDefaultLocaleArtwork = (): string[] => [
  createStash,
  ...artworkColumns.map(
    ({ localesTable, column }) =>
      `INSERT INTO "${stash}" ("locales_table", "column_name", "parent_id", "image_id") SELECT '${localesTable}', '${column}', "_parent_id", "${column}" FROM "${localesTable}" WHERE "_locale" = '${defaultLocale}' AND "${column}" IS NOT NULL`,
  ),
]

/** down(), after the generated statements: the default locale's artwork is every locale's again. */
export const restoreArtworkIntoDocuments = (): string[] => [
  ...artworkColumns.map(
    ({ table, localesTable, column }) =>
      `UPDATE "${table}" SET "${column}" = (SELECT "image_id" FROM "${stash}" WHERE "locales_table" = '${localesTable}' AND "column_name" = '${column}' AND "parent_id" = "${table}"."id")`,
  ),
  `DROP TABLE "${stash}"`,
]
