import type { TypedLocale } from 'payload'

/** One value for each configured locale (en, de, zh-Hans). */
export type Localized<T = string> = Record<TypedLocale, T>

/*
 * Payload 3.90's Local API stores every locale of a document in one `create` when it is called
 * with `locale: 'all'` and each localised field holds an `{ en, de, 'zh-Hans' }` object, which
 * is the shape `find({ locale: 'all' })` returns. The types do not describe it yet (the option is
 * typed as one locale, the data as one locale's value; payloadcms/payload#14077 adds both), and
 * `update` ignores such data, so the seed only uses it on create. The integration test reads
 * every locale back, so an upgrade that changes this fails loudly. The two helpers below are the
 * only places that bridge the types.
 */

/** The `locale` option for a create whose localised fields carry every locale. */
export const everyLocale = 'all' as unknown as TypedLocale

/** A localised field's value for a create with `locale: everyLocale`. */
export const allLocales = <T>(value: Localized<T>): T => value as unknown as T
