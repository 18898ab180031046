/**
 * Leaving a page with unsaved changes. The app asks before it changes page; a page
 * with something to lose listens and cancels the event when the user chooses to stay.
 */
import { msg } from './i18n.js';

export const LEAVE_EVENT = 'hearth-leave';

/** What the browser's confirm() asks, in the shown language. */
export function unsavedMessage(): string {
  return msg('You have unsaved changes. Leave this page and lose them?', { id: 'leave.unsaved' });
}

/** False when the page on screen wants to stay. */
export function leaveAllowed(): boolean {
  return window.dispatchEvent(new Event(LEAVE_EVENT, { cancelable: true }));
}
