import { describe, expect, it } from 'vitest'

import {
  listContract,
  listContractDefinitions,
  listContractTypeNames,
} from '../../../src/contract/listContract'

describe('the list contract (search results, rails)', () => {
  it('declares every type once, with its members', () => {
    expect(Object.keys(listContract).sort()).toEqual([...listContractTypeNames].sort())
    expect(listContract.RailItem.members.map((member) => member.name)).toEqual([
      'relationTo',
      'value',
    ])
  })

  it('gives TypeScript the same members, required ones listed as such', () => {
    const definitions = listContractDefinitions('number')
    for (const name of listContractTypeNames) {
      const { members } = listContract[name]
      expect(Object.keys(definitions[name].properties ?? {}), name).toEqual(
        members.map((member) => member.name),
      )
      expect(definitions[name].required, name).toEqual(
        members.filter((member) => member.required).map((member) => member.name),
      )
    }
  })

  it('types ids and images like the adapter types ids', () => {
    const onMongo = listContractDefinitions('string')
    expect(onMongo.RailCard.properties?.id).toEqual({ type: 'string' })
    expect(onMongo.SearchHit.properties?.poster).toEqual({
      oneOf: [{ oneOf: [{ type: 'string' }, { $ref: '#/definitions/images' }] }, { type: 'null' }],
    })
    // A coming-soon card never carries the main video: its playback has only the trailer.
    expect(Object.keys(onMongo.RailCardPlayback.properties ?? {})).toEqual(['trailer'])
  })
})
