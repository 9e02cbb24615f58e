import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { acceptedImageTypes, isAcceptedImageType } from '../../src/media/imageTypes'

/**
 * Says plainly why a file was refused before Payload tries to resize it. The browser's claimed
 * type is checked here; Payload re-checks the bytes it receives against `mimeTypes`.
 */
export const rejectNonImageUpload: CollectionBeforeOperationHook<'images'> = ({
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file
  if (!file) return
  if (!isAcceptedImageType(file.mimetype)) {
    throw new APIError(
      `file: "${file.name}" is ${file.mimetype || 'of an unknown type'}; images accepts only ` +
        `${acceptedImageTypes.map((type) => type.replace('image/', '')).join(', ')} files.`,
      400,
      [{ path: 'file', message: `Not an image (${file.mimetype || 'unknown type'}).` }],
      true,
    )
  }
}
