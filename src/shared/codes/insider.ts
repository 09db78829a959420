/** Insider alerts told to the DPO (issue 12): rules in src/server/insider/thresholds.ts. */
export const INSIDER_ALERT_KINDS = [
  /** identity reads and exports in one hour over the fixed ceiling */
  'volume_ceiling',
  /** identity reads and exports in one hour well over the user's usual busy hour */
  'volume_pattern',
  /** her identity read (or tried) by someone not on the case's team */
  'off_team',
  /** a sign-in at an hour when the organisation almost never signs in */
  'unusual_hour',
] as const;
export type InsiderAlertKind = (typeof INSIDER_ALERT_KINDS)[number];
