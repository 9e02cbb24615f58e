import { type PayloadRequest, ValidationError } from 'payload'

import { publicMaxLimitOf } from '../api/limits'
import type { SearchResults } from '../payload-types'
import { viewerTerritoryOf } from '../rights/viewerTerritory'
import { isStaffUser, type RoleBearer } from '../roles'
import { isSearchInputProblem, parseSearchInput, type SearchInput } from './searchQuery'
import { searchTitles } from './searchTitles'

/**
 * The public search, as REST (`GET /api/search`) and GraphQL (`Search`) both answer it: bad
 * input is a 400 naming the field, the territory is taken as for every public read (400 naming
 * `territory` otherwise), and only titles the viewer may see now are found.
 */
export const answerSearch = async (
  req: PayloadRequest,
  input: SearchInput,
): Promise<SearchResults> => {
  const localization = req.payload.config.localization
  const query = parseSearchInput(input, {
    localeCodes: localization ? localization.localeCodes : ['en'],
    defaultLocale: localization ? localization.defaultLocale : 'en',
    maxLimit: publicMaxLimitOf(req.payload.config),
  })
  if (isSearchInputProblem(query)) {
    throw new ValidationError({ errors: [{ path: query.field, message: query.reason }] })
  }
  const staff = isStaffUser(req.user as RoleBearer)
  if (!staff) await viewerTerritoryOf(req)
  const answer = await searchTitles(req, query)
  if (staff) {
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set('Cache-Control', 'private, no-store')
  }
  return answer
}
