/** Hearth's topic layout (DESIGN §10), built and parsed in one place. */
export interface TopicLayout {
  status(node: string): string;
  state(node: string, entityId: string): string;
  set(node: string, entityId: string): string;
  /** Filters a hub subscribes to: every node's status and states, its own commands. */
  filters(self: string): { status: string; states: string; commands: string };
  parse(topic: string): ParsedTopic | undefined;
}

export type ParsedTopic =
  | { kind: 'status'; node: string }
  | { kind: 'state'; node: string; entityId: string }
  | { kind: 'set'; node: string; entityId: string };

export function topicLayout(prefix: string): TopicLayout {
  const depth = prefix.split('/').length;
  return {
    status: (node) => `${prefix}/${node}/status`,
    state: (node, entityId) => `${prefix}/${node}/${entityId}/state`,
    set: (node, entityId) => `${prefix}/${node}/${entityId}/set`,
    filters: (self) => ({ status: `${prefix}/+/status`, states: `${prefix}/+/+/state`, commands: `${prefix}/${self}/+/set` }),
    parse(topic) {
      if (!topic.startsWith(`${prefix}/`)) return undefined;
      const rest = topic.split('/').slice(depth);
      if (rest.length === 2 && rest[1] === 'status') return { kind: 'status', node: rest[0]! };
      if (rest.length === 3 && (rest[2] === 'state' || rest[2] === 'set')) return { kind: rest[2], node: rest[0]!, entityId: rest[1]! };
      return undefined;
    },
  };
}

/** MQTT topic filter matching (`+` one level, `#` the rest), for routing to `bridge.subscribe` callers. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return i > 0 || !topic.startsWith('$');
    if (i >= t.length) return false;
    if (f[i] === '+') {
      if (i === 0 && t[0]!.startsWith('$')) return false;
      continue;
    }
    if (f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

export function isValidFilter(filter: string): boolean {
  if (filter.length === 0) return false;
  const levels = filter.split('/');
  return levels.every((level, i) => (level.includes('#') ? level === '#' && i === levels.length - 1 : !level.includes('+') || level === '+'));
}
