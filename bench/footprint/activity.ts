/**
 * An hour of a lived-in house, compressed: the demo house's scripted day runs at
 * `CLOCK_SPEED`× while a client does one thing per simulated second through the API —
 * drives the motion and door inputs, switches and dims lights, moves the shutters,
 * reads states and history — as the dashboard and the simulator panel would.
 */
export const SIMULATED_S = 3600;
export const CLOCK_SPEED = 240;

type Step = { method: 'GET' | 'PUT' | 'POST'; path: string; body?: unknown };

const INPUTS = [17, 16, 4, 26];

/** The request for simulated second `s`: a fixed rotation, so every run does the same work. */
export function stepAt(s: number): Step {
  const level = (Math.floor(s / 8) % 2) as 0 | 1;
  switch (s % 8) {
    case 0:
      return { method: 'PUT', path: `/api/sim/lines/${INPUTS[(s / 8) % INPUTS.length]}`, body: { value: level } };
    case 1:
      return { method: 'POST', path: '/api/entities/light.hall/commands/toggle', body: {} };
    case 2:
      return { method: 'POST', path: '/api/entities/light.living_room/commands/turn_on', body: { brightness: (s * 7) % 101 } };
    case 3:
      return { method: 'GET', path: '/api/entities' };
    case 4:
      return { method: 'POST', path: `/api/entities/cover.${s % 16 < 8 ? 'living_room' : 'bedroom'}/commands/set_position`, body: { position: (s * 13) % 101 } };
    case 5:
      // History exists once the recorder's first commit is in: read the state until then.
      return { method: 'GET', path: s < 900 ? '/api/entities/sensor.living_room_temperature' : '/api/history/sensor.living_room_temperature?points=200' };
    case 6:
      return { method: 'POST', path: '/api/entities/switch.bedroom_heater/commands/toggle', body: {} };
    default:
      return { method: 'GET', path: '/api/logbook?limit=50' };
  }
}

/** Signs in as a fresh owner and plays the hour at the simulated pace; throws on any non-2xx answer. */
export async function playHour(url: string): Promise<void> {
  const onboard = await fetch(`${url}api/onboarding`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'footprint bench password' }),
  });
  if (!onboard.ok) throw new Error(`onboarding: ${onboard.status} ${await onboard.text()}`);
  const { token } = (await onboard.json()) as { token: string };
  const started = performance.now();
  for (let s = 0; s < SIMULATED_S; s++) {
    const { method, path, body } = stepAt(s);
    const res = await fetch(`${url}${path.slice(1)}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    // Keep to simulated time: the house's own script must get its hour too.
    const due = ((s + 1) * 1000) / CLOCK_SPEED - (performance.now() - started);
    if (due > 0) await new Promise((r) => setTimeout(r, due));
  }
}
