/**
 * The English message catalog for every custom view and component of ours. German and Chinese
 * (de.ts, zh.ts) must have exactly these keys; the compiler checks it. Placeholders are
 * `{{name}}`, as in Payload's own translations.
 *
 * Keys are grouped by view with a prefix (`nav…`, `matrix…`, `reports…`): add a view's strings
 * under its own prefix.
 */
export const en = {
  navRightsReports: 'Rights reports',
  navAvailabilityMatrix: 'Availability matrix',
}

export type MessageKey = keyof typeof en
export type MessageCatalog = Record<MessageKey, string>
