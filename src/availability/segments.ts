import type { AvailabilityInterval } from './intervals'

/** A stretch of time with one set of offers; a title's segments in a territory never overlap. */
export type AvailabilitySegment = Pick<AvailabilityInterval, 'start' | 'end' | 'offers'>

/**
 * availableIntervals already returns non-overlapping intervals with equal neighbours merged;
 * this keeps callers written against the earlier per-licence-type shape working.
 */
export const segmentsFrom = (intervals: readonly AvailabilityInterval[]): AvailabilitySegment[] =>
  intervals.map(({ start, end, offers }) => ({ start, end, offers }))
