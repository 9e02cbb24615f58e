import type { ServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../i18n'

/** Above the list of avails imports: the way to upload a new file. */
export const AvailsImportLink: React.FC<Pick<ServerProps, 'i18n'>> = ({ i18n }) => (
  <p style={{ marginBottom: 16 }}>
    <a
      href="/admin/avails-import"
      className="btn btn--style-primary btn--size-small"
      id="avails-import-upload-link"
    >
      {translatorFor(i18n)('importListLink')}
    </a>
  </p>
)
