/** English strings of the drafts: same shape as it-drafts.ts. */
import type { itDrafts } from './it-drafts.ts';

export const enDrafts: typeof itDrafts = {
  drafts: {
    saving: 'Saving the draft…',
    savedAt: 'Draft saved at {time}',
    failed: 'Draft not saved: check the connection. I will try again at the next change.',
    restored: 'We resumed the draft saved on {date} at {time}.',
    privacy:
      'The draft is encrypted like her data, only you can see it, and it is deleted when submitted or after {days} days.',
    discard: 'Discard the draft',
    discardConfirm: 'Discard the draft? What you entered will be lost.',
    discardYes: 'Yes, discard the draft',
    discardNo: 'No, keep it',
    discarded: 'Draft discarded: the form is empty again.',
    leaveTitle: 'Changes not saved yet',
    leaveText: 'Some changes are not saved in the draft yet. What do you want to do?',
    leaveSave: 'Save the draft and leave',
    leaveWithout: 'Leave without saving',
    stay: 'Stay on the page',
  },
};
