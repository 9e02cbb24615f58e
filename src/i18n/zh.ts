import type { MessageCatalog } from './en'

/** Simplified Chinese messages (Beijing). Keys: see en.ts. */
export const zh: MessageCatalog = {
  navRightsReports: '版权报告',
  navAvailabilityMatrix: '可用性矩阵',
}
