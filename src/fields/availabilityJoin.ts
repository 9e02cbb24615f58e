import type { Field } from 'payload'

import { isStaffField } from '../access/isStaff'
import { availabilitySummaryFields, contractTypeNames } from '../contract/titleContract'
import { availabilityPanelField } from './availabilityPanel'
import { nullableGroup } from './nullableGroup'
import { titleTimelineField } from './titleTimeline'

type RowRelation = 'film' | 'series' | 'season' | 'episode'

/**
 * The materialised availability rows of a title. The content API filters on them; only staff
 * see them in responses. `availability` is the viewer-facing summary filled in on public reads.
 */
export const availabilityFields = (on: RowRelation): Field[] => [
  availabilityPanelField(),
  titleTimelineField(),
  {
    name: 'availabilityWindows',
    type: 'join',
    collection: 'availability-windows',
    on,
    defaultLimit: 20,
    access: { read: isStaffField },
    admin: { hidden: true },
  },
  {
    name: 'availability',
    type: 'group',
    virtual: true,
    interfaceName: contractTypeNames.availabilitySummary,
    admin: { hidden: true },
    fields: availabilitySummaryFields,
    typescriptSchema: [nullableGroup],
  },
]
