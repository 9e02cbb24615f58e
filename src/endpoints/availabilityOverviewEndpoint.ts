import type { Endpoint } from 'payload'

import { isCatalogCollection } from '../rights/catalogGraph'
import { launchTerritories } from '../rights/launchTerritories'
import { storedAvailability } from '../rights/summary'
import { territoryStates } from '../rights/territoryStates'
import { isStaffUser, type RoleBearer } from '../roles'

/**
 * GET /api/availability/overview?content=films/12&at=<ISO, optional>
 * Staff only: the title's state in each launch territory, for the admin panel.
 */
export const availabilityOverviewEndpoint: Endpoint = {
  path: '/availability/overview',
  method: 'get',
  handler: async (req) => {
    if (!isStaffUser(req.user as RoleBearer)) {
      return Response.json({ errors: [{ message: 'Staff only.' }] }, { status: 403 })
    }
    const [collection, id] = (req.searchParams.get('content') ?? '').split('/')
    if (!collection || !id || !isCatalogCollection(collection)) {
      return Response.json(
        { errors: [{ message: 'content must be <collection>/<id>' }] },
        { status: 400 },
      )
    }
    const atText = req.searchParams.get('at')
    const at = atText ? new Date(atText) : new Date()
    if (Number.isNaN(at.getTime())) {
      return Response.json(
        { errors: [{ message: `${atText} is not an instant` }] },
        { status: 400 },
      )
    }
    const states = await territoryStates(
      req.payload,
      { collection, id },
      launchTerritories(),
      at,
      req,
    )
    if (!states) return Response.json({ errors: [{ message: 'not found' }] }, { status: 404 })
    // Beside the engine's answer, what the content API answers from its stored rows.
    const territories = await Promise.all(
      states.map(async (state) => {
        const node = { collection, id }
        const stored = await storedAvailability(
          req.payload,
          { node, territory: state.territory, at },
          req,
        )
        return { ...state, stored, consistent: stored.available === (state.state === 'available') }
      }),
    )
    return Response.json(
      { at: at.toISOString(), territories },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
