/** Prevention activities (issue 8, /prevenzione): kinds, audiences, resources. */
export const PREVENTION_KINDS = [
  'school_workshop',
  'teacher_training',
  'family_meeting',
  'university',
  'campaign',
  'public_event',
] as const;
export type PreventionKind = (typeof PREVENTION_KINDS)[number];

export const PREVENTION_AUDIENCES = [
  'students',
  'teachers',
  'families',
  'university',
  'general_public',
  'professionals',
] as const;
export type PreventionAudience = (typeof PREVENTION_AUDIENCES)[number];

/** What a body committed to an activity: only its involvement, money (euro), or hours of work. */
export const PREVENTION_RESOURCE_KINDS = ['involved', 'money', 'hours'] as const;
export type PreventionResourceKind = (typeof PREVENTION_RESOURCE_KINDS)[number];

/** Milan's nine Municipi. */
export const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
