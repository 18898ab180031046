/** The dashboard's pages; the URL is the source of truth so reload and back work. */
export type Route =
  | { page: 'home' }
  | { page: 'entity'; id: string }
  | { page: 'history' }
  | { page: 'energy' }
  | { page: 'automations' }
  | { page: 'automation'; id: string }
  | { page: 'logbook' }
  | { page: 'alerts' }
  | { page: 'schedule'; id: string }
  | { page: 'settings'; tab: (typeof TABS)[number] }
  | { page: 'invite'; code: string };

const TABS = ['plugins', 'areas', 'people', 'account', 'tokens', 'alarm', 'notifications', 'language', 'simulator'] as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'entity':
      return parts[1] ? { page: 'entity', id: parts[1] } : { page: 'home' };
    case 'history':
      return { page: 'history' };
    case 'energy':
      return { page: 'energy' };
    case 'automations':
      return parts[1] ? { page: 'automation', id: parts[1] } : { page: 'automations' };
    case 'logbook':
      return { page: 'logbook' };
    case 'alerts':
      return { page: 'alerts' };
    case 'schedules':
      return parts[1] ? { page: 'schedule', id: parts[1] } : { page: 'home' };
    case 'settings': {
      // Users moved into People; old links still land there.
      const tab = TABS.find((t) => t === (parts[1] === 'users' ? 'people' : parts[1])) ?? 'plugins';
      return { page: 'settings', tab };
    }
    case 'invite':
      return { page: 'invite', code: parts[1] ?? '' };
    default:
      return { page: 'home' };
  }
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'entity':
      return `/entity/${encodeURIComponent(route.id)}`;
    case 'automation':
      return `/automations/${encodeURIComponent(route.id)}`;
    case 'schedule':
      return `/schedules/${encodeURIComponent(route.id)}`;
    case 'settings':
      return `/settings/${route.tab}`;
    case 'invite':
      return route.code ? `/invite/${encodeURIComponent(route.code)}` : '/invite';
    default:
      return `/${route.page}`;
  }
}

/** The editor's path for a `schedule.<id>` entity. */
export function scheduleEditorPath(entityId: string): string {
  return routePath({ page: 'schedule', id: entityId.replace(/^schedule\./, '') });
}
