import type { Role } from '../api/index.js';
import { msg } from './i18n.js';

/** A role as the dashboard names it (the API's ids stay English). */
export function roleWord(role: Role): string {
  return role === 'owner' ? msg('owner', { id: 'role.owner' }) : role === 'admin' ? msg('admin', { id: 'role.admin' }) : msg('member', { id: 'role.member' });
}
