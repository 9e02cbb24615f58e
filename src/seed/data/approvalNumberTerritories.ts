/** Countries whose titles need an NRTA approval number (cnApprovalNumber) to be shown. */
export const approvalNumberTerritories: readonly string[] = ['CN']
