/**
 * Leaving a page with unsaved changes. The app asks before it changes page; a page
 * with something to lose listens and cancels the event when the user chooses to stay.
 */
export const LEAVE_EVENT = 'hearth-leave';

export const UNSAVED_MESSAGE = 'You have unsaved changes. Leave this page and lose them?';

/** False when the page on screen wants to stay. */
export function leaveAllowed(): boolean {
  return window.dispatchEvent(new Event(LEAVE_EVENT, { cancelable: true }));
}
