import { describe, expect, it } from 'vitest'

import {
  contractMembers,
  contractTypeNames,
  idMembersOf,
  playbackInfoFields,
  requiredMembersOf,
} from '../../../src/contract/titleContract'

describe('the title contract', () => {
  it('says which members are always there', () => {
    expect(requiredMembersOf(contractTypeNames.availabilitySummary)).toEqual([
      'territory',
      'licenceTypes',
      'formats',
    ])
    expect(requiredMembersOf(contractTypeNames.titlePlayback)).toEqual([])
    expect(requiredMembersOf(contractTypeNames.playbackInfo)).toEqual([
      'videoId',
      'policy',
      'playbackId',
      'hls',
      'thumbnail',
      'storyboard',
    ])
  })

  it('types the video id like the adapter types ids', () => {
    expect(idMembersOf(contractTypeNames.playbackInfo)).toEqual(['videoId'])
    const idOn = (idType: 'number' | 'text') =>
      playbackInfoFields(idType).find((field) => 'name' in field && field.name === 'videoId')
    expect(idOn('number')).toMatchObject({ type: 'number' })
    expect(idOn('text')).toMatchObject({ type: 'text' })
  })

  it('is computed on reads only: every member is virtual, never stored or validated', () => {
    for (const members of Object.values(contractMembers)) {
      for (const field of members) expect(field).toMatchObject({ virtual: true })
    }
  })
})
